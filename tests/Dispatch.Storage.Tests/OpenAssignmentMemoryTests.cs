using Azure.Data.Tables;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>The local host answers the matching load from the open assignments it keeps in memory: the answers must be
/// the ones a query of the rows gives, whatever order the writes come in.</summary>
public sealed class OpenAssignmentMemoryTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Counts_kept_in_memory_match_the_stored_rows_through_random_writes_late_and_repeated()
    {
        var kept = new OrderIndex(Account, new OpenAssignmentMemory());
        var plain = new OrderIndex(Account);
        string[] members = ["m1", "m2", "m3"];
        for (var seed = 0; seed < 4; seed++)
        {
            var random = new Random(seed);
            var community = $"c{seed}";
            // A few orders, each with its states from placing to confirmed or cancelled.
            var orders = Enumerable.Range(0, 6).Select(_ => States(community, members[random.Next(3)], random.Next(4))).ToList();
            for (var step = 0; step < 40; step++)
            {
                var states = orders[random.Next(orders.Count)];
                // Mostly the next state, sometimes an older one again (a retry, a late follow-up).
                var state = states[Math.Min(random.Next(states.Count + 2), states.Count - 1)];
                await kept.ProjectAsync(state);
                if (random.Next(5) == 0)
                {
                    await plain.ProjectAsync(state); // another copy of the same write
                }

                Assert.Equal(Sorted(await plain.OpenAssignmentsAsync(community)), Sorted(await kept.OpenAssignmentsAsync(community)));
            }
        }
    }

    [Fact]
    public async Task Counts_are_answered_from_memory_and_read_again_now_and_then()
    {
        var index = new OrderIndex(Account, new OpenAssignmentMemory());
        var accepted = States("c1", "m1", 1)[2];
        await index.ProjectAsync(accepted);
        Assert.Equal(1, (await index.OpenAssignmentsAsync("c1"))["m1"]);

        // A row changed behind the host's back is believed for a bounded number of answers.
        await Account.Table(TableNames.OpenOrders).DeleteEntityAsync("c1", accepted.OrderId);
        for (var i = 0; i < OpenAssignmentMemory.RereadEvery; i++)
        {
            Assert.Equal(1, (await index.OpenAssignmentsAsync("c1"))["m1"]);
        }

        Assert.Empty(await index.OpenAssignmentsAsync("c1"));
    }

    [Fact]
    public void A_read_that_a_write_overtook_is_not_kept()
    {
        var memory = new OpenAssignmentMemory();
        var before = memory.WritesSoFar("c1");
        memory.Wrote("c1", "o2", 3, "m2", deleted: false); // landed while the read ran: the read may not show it
        memory.Read("c1", before, [("o1", 3, "m1")]);
        Assert.False(memory.TryCounts("c1", out _));

        memory.Read("c1", memory.WritesSoFar("c1"), [("o1", 3, "m1"), ("o2", 3, "m2")]);
        memory.Wrote("c1", "o1", 2, null, deleted: false); // older than the row read: changes nothing
        memory.Wrote("c1", "o2", 4, null, deleted: false); // done with
        memory.Wrote("c1", "o3", 5, "m1", deleted: false);
        Assert.True(memory.TryCounts("c1", out var counts));
        Assert.Equal(new Dictionary<string, int> { ["m1"] = 2 }, counts);
    }

    /// <summary>An order's states: placed, offered to <paramref name="member"/>, accepted, done, then confirmed or
    /// cancelled (by <paramref name="ending"/>), each a version newer.</summary>
    private static List<OrderState> States(string community, string member, int ending)
    {
        var id = Sample.NewId();
        OrderEvent[] events = ending switch
        {
            0 => [new OrderPlaced(id, Sample.Request(community)), new CandidateFound(member, Sample.Reason), new OfferAccepted(member),
                new HoursReported(member, ServiceHours.FromHours(1)), new ServiceConfirmed(ConfirmedBy.Resident, null, 5)],
            1 => [new OrderPlaced(id, Sample.Request(community)), new CandidateFound(member, Sample.Reason), new OfferAccepted(member),
                new HoursReported(member, ServiceHours.FromHours(1)), new ServiceDisputed(), new OrderCancelled("moved away")],
            2 => [new OrderPlaced(id, Sample.Request(community)), new CandidateFound(member, Sample.Reason), new OfferDeclined(member)],
            _ => [new OrderPlaced(id, Sample.Request(community)), new CandidateFound(member, Sample.Reason), new OfferAccepted(member), new OrderCancelled(null)],
        };
        return [.. Sample.Run(events).Select(s => s.Decision.State)];
    }

    private static List<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];
}
