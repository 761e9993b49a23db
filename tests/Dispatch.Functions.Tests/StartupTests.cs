using Azure.Data.Tables;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Functions.Hosting;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Tests;

/// <summary>What the Azure host does as it starts, with its own wiring (AddDispatchFunctions) and hosted services.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_Azure_host_moves_the_shared_records_table_as_it_starts()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Dispatch:SigningKey"] = AzureHost.SigningKey,
            ["Dispatch:PublicBaseUrl"] = "https://func.example",
        }).Build();
        var logs = new CapturedLogs();
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .AddDispatchFunctions(config)
            .BuildServiceProvider();

        // A store from before the table per community: c1's member m1 with two records and their tally, shared.
        var account = provider.GetRequiredService<StorageAccount>();
        var shared = account.Table(TableNames.Records);
        await shared.CreateIfNotExistsAsync();
        var records = Enumerable.Range(1, 2).Select(i => new ServiceRecord(
            $"r{i}", $"o{i}", "m1", new Location("c1", "g1", "b1"), ServiceCategory.ElderCare, false, 2 * i,
            new DateOnly(2026, 3, i), new DateTimeOffset(2026, 3, i, 10, 0, 0, TimeSpan.FromHours(8)), ConfirmedBy.Resident, 4)).ToList();
        await shared.SubmitTransactionAsync(ServiceRecordStore.MemberYearRows(records).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.True(await logs.SaidWithinAsync("Moved 3 service-record rows", TimeSpan.FromSeconds(10)));
        var own = account.Table(ServiceRecordStore.TableOf("c1")).Query<TableEntity>().Select(r => r.RowKey).ToList();
        Assert.Equal(["r|r1", "r|r2", "tally"], own);
        var tally = await provider.GetRequiredService<ServiceRecordStore>().GetTallyAsync("c1", 2026, "m1");
        Assert.Equal((6, 2), (tally!.HalfHours, tally.Services));
    }
}
