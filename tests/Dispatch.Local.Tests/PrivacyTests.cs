using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Residents' names, phones and addresses stay on the order entity: never in queue messages,
/// timers, history rows or logs.</summary>
[Collection(AzuriteCollection.Name)]
public class PrivacyTests(AzuriteFixture azurite)
{
    private static readonly string[] Personal = ["13812345678", "张阿姨", "1号楼 302 室"];

    [Fact]
    public async Task Queue_messages_timers_history_and_logs_carry_ids_and_masked_phones_only()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();

        var queue = new QueueClient(azurite.ConnectionString, host.Prefix.ToLowerInvariant() + "assignments",
            new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05));
        var message = Assert.Single((await queue.PeekMessagesAsync(10)).Value);
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
        Assert.Contains(placed.OrderId, body, StringComparison.Ordinal);
        AssertNoPersonalData(body);

        var tables = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in new[] { "timers", "outbox", "openorders", "memberorders", "notices", "idempotency" })
        {
            await foreach (var row in tables.GetTableClient(host.Prefix + table).QueryAsync<TableEntity>())
            {
                AssertNoPersonalData(string.Join("|", row.Select(kv => kv.Value)));
            }
        }

        var orderRows = tables.GetTableClient(host.Prefix + "orders").QueryAsync<TableEntity>(e => e.PartitionKey == placed.OrderId);
        var history = 0;
        await foreach (var row in orderRows)
        {
            if (row.RowKey.StartsWith('e'))
            {
                history++;
                AssertNoPersonalData(string.Join("|", row.Select(kv => kv.Value)));
            }
        }

        Assert.Equal(0, history); // a short history lives on the order row: its latest and earlier events
        var current = await tables.GetTableClient(host.Prefix + "orders").GetEntityAsync<TableEntity>(placed.OrderId, "order");
        Assert.Contains("\"placed\"", current.Value.GetString("Earlier") ?? "", StringComparison.Ordinal); // version 1, the placing
        AssertNoPersonalData(string.Join("|", new[] { "LastEvent", "Earlier", "State", "Outbox" }.Select(c => current.Value.GetString(c))));
        await host.RunLoopsAsync();
        Assert.Contains(host.Logs.Lines, l => l.Contains(placed.OrderId, StringComparison.Ordinal)); // ids name what happened
        AssertNoPersonalData(string.Join("\n", host.Logs.Lines));
    }

    private static void AssertNoPersonalData(string text)
    {
        foreach (var value in Personal)
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }
}
