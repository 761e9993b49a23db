using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class ProjectionTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Open_order_is_listed_until_the_order_is_terminal()
    {
        var index = new OrderIndex(Account);
        var orderId = Sample.NewId();
        var steps = Sample.Run(
            new OrderPlaced(orderId, Sample.Request()),
            new CandidateFound("m1", Sample.Reason),
            new OrderCancelled("no longer needed"));

        await index.ProjectAsync(steps[1].Decision.State);
        var open = Assert.Single(await index.ListOpenAsync("c1"));
        Assert.Equal(orderId, open.OrderId);
        Assert.Equal(OrderStatus.Offered, open.Status);
        Assert.Equal("m1", open.OfferedTo);
        Assert.Null(open.MemberId);
        Assert.Equal(steps[1].Decision.State.Offer!.Deadline, open.OfferDeadline);
        Assert.Equal("g1", open.GridId);
        Assert.Equal("b3", open.BuildingId);
        Assert.Equal(Sample.T0, open.PlacedAt);

        await index.ProjectAsync(steps[2].Decision.State);
        Assert.Empty(await index.ListOpenAsync("c1"));

        // Projecting the terminal state again is harmless.
        await index.ProjectAsync(steps[2].Decision.State);
        Assert.Empty(await index.ListOpenAsync("c1"));
    }

    [Fact]
    public async Task An_older_state_does_not_overwrite_a_newer_one()
    {
        var index = new OrderIndex(Account);
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"));

        await index.ProjectAsync(steps[2].Decision.State);
        await index.ProjectAsync(steps[1].Decision.State);
        await index.ProjectAsync(steps[2].Decision.State);

        var open = Assert.Single(await index.ListOpenAsync("c1"));
        Assert.Equal(OrderStatus.Accepted, open.Status);
        Assert.Equal("m1", open.MemberId);
        Assert.Equal(3, open.Version);
    }

    [Fact]
    public async Task Open_orders_filter_by_status_and_community_and_count_assignments_per_member()
    {
        var index = new OrderIndex(Account);
        async Task ProjectAsync(string community, params OrderEvent[] after)
        {
            var orderId = Sample.NewId();
            var steps = Sample.Run([new OrderPlaced(orderId, Sample.Request(community)), .. after]);
            await index.ProjectAsync(steps[^1].Decision.State);
        }

        await ProjectAsync("c1");
        await ProjectAsync("c1", new CandidateFound("m1", Sample.Reason));
        await ProjectAsync("c1", new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"));
        await ProjectAsync("c1", new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"), new HoursReported("m1", ServiceHours.FromHours(2)));
        await ProjectAsync("c1", new CandidateFound("m2", Sample.Reason), new OfferAccepted("m2"));
        await ProjectAsync("c2", new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"));

        Assert.Equal(5, (await index.ListOpenAsync("c1")).Count);
        Assert.Single(await index.ListOpenAsync("c1", OrderStatus.Placed));
        Assert.Equal(2, (await index.ListOpenAsync("c1", OrderStatus.Accepted)).Count);
        Assert.Single(await index.ListOpenAsync("c2"));

        var load = await index.OpenAssignmentsAsync("c1");
        Assert.Equal(2, load["m1"]);
        Assert.Equal(1, load["m2"]);
        Assert.Equal(2, load.Count);
    }

    [Fact]
    public async Task Member_inbox_lists_newest_first_with_roles()
    {
        var inbox = new MemberInbox(Account);
        var first = Sample.NewId();
        var second = Sample.NewId();
        var a = Sample.Run(new OrderPlaced(first, Sample.Request()), new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"));
        var b = Sample.Run(new OrderPlaced(second, Sample.Request(kind: OrderKind.Wish)), new WishClaimed("m9"));

        await inbox.ProjectAsync(a[1].Decision.State, "m1", InboxRole.Offered, Sample.T0);
        await inbox.ProjectAsync(b[0].Decision.State, "m1", InboxRole.Offered, Sample.T0.AddMinutes(5));
        await inbox.ProjectAsync(a[2].Decision.State, "m1", InboxRole.Assigned, Sample.T0.AddMinutes(10));
        await inbox.ProjectAsync(b[1].Decision.State, "m1", InboxRole.Withdrawn, Sample.T0.AddMinutes(20));
        await inbox.ProjectAsync(a[1].Decision.State, "m1", InboxRole.Offered, Sample.T0.AddMinutes(30)); // late duplicate: ignored

        var items = await inbox.ListAsync("m1");

        Assert.Equal([second, first], items.Select(i => i.OrderId));
        Assert.Equal(InboxRole.Withdrawn, items[0].Role);
        Assert.Equal(OrderKind.Wish, items[0].Kind);
        Assert.Equal(InboxRole.Assigned, items[1].Role);
        Assert.Equal(OrderStatus.Accepted, items[1].Status);
        Assert.Equal("c1", items[1].CommunityId);
        Assert.Empty(await inbox.ListAsync("m2"));
    }
}
