using Azure.Data.Tables;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Tallies;
using Dispatch.Local.Tests.Posts;
using Dispatch.Storage;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Tallies;

/// <summary>A store from before the table per community: the host moves the shared records table as it starts, without
/// waiting for a request that needs a record, says so in its log, and the member's tally is as it was.</summary>
[Collection(AzuriteCollection.Name)]
public class SharedRecordsMoveTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_host_moves_the_shared_records_table_as_it_starts_and_the_members_tally_is_kept()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        var member = PostEndpointTests.ActiveMembers(1)[0];
        var records = Enumerable.Range(1, 3).Select(i => new ServiceRecord(
            $"old{i}", $"old{i}", member, new Location(LocalHostFixture.CommunityId, "g1", "b1"), ServiceCategory.Repair, false, i,
            new DateOnly(2026, 11, i), LocalHostFixture.Monday10, ConfirmedBy.Resident, 5)).ToList();
        var shared = account.Table(TableNames.Records);
        await shared.CreateIfNotExistsAsync();
        await shared.SubmitTransactionAsync(ServiceRecordStore.MemberYearRows(records).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));

        var logs = new CapturedLogs();
        await using var host = await LocalHostFixture.StartAsync(azurite, prefix, logs: logs);

        // No request yet: the start alone moves the 4 rows (3 records and their tally) and drops the shared table.
        Assert.True(await logs.SaidWithinAsync("Moved 4 service-record rows", TimeSpan.FromSeconds(10)));
        Assert.False(await TableExistsAsync(account, shared.Name));
        var tally = await host.CallAsync<AnnualTally>(HttpMethod.Get, PostRoutes.MyTally + "?year=2026", host.MemberToken(member));
        Assert.Equal((6, 3, 3), (tally.HalfHours, tally.Services, tally.RatingCount));
    }

    private static async Task<bool> TableExistsAsync(StorageAccount account, string name)
    {
        await foreach (var table in account.Tables.QueryAsync(t => t.Name == name))
        {
            return true;
        }

        return false;
    }
}
