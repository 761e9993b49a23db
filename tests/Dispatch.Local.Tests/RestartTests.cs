using Dispatch.Core.Orders;
using Dispatch.Local.Orders;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Killing the host mid-cycle loses nothing: queued offers, deadlines, reminders and half-run
/// effects carry on in the next process.</summary>
[Collection(AzuriteCollection.Name)]
public class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Offers_deadlines_and_unfinished_effects_survive_a_restart()
    {
        var clock = new FakeTimeProvider(LocalHostFixture.Monday10);
        var prefix = AzuriteFixture.NewPrefix();
        string orderId, first;
        await using (var before = await LocalHostFixture.StartAsync(azurite, prefix, clock))
        {
            orderId = (await before.PlaceAsync()).OrderId;
            first = (await before.OpenOrderAsync(orderId)).OfferedTo!;
        } // The offer sits in the queue, its reminder and deadline in the timer table.

        string second;
        await using (var after = await LocalHostFixture.StartAsync(azurite, prefix, clock))
        {
            await after.RunLoopsAsync();
            var inbox = await after.CallAsync<Core.Api.InboxView>(HttpMethod.Get, Core.Api.Routes.Inbox, after.MemberToken(first));
            Assert.Equal(orderId, Assert.Single(inbox.Offers).OrderId);

            await after.AdvanceAsync(TimeSpan.FromMinutes(31));
            second = (await after.OpenOrderAsync(orderId)).OfferedTo!;
            Assert.NotEqual(first, second);

            // Crash right after a decline was saved, before its effects (find the next member) ran.
            var workflow = after.Services.GetRequiredService<OrderWorkflow>();
            var (_, decision) = await workflow.ApplyAsync(orderId, new OfferDeclined(second), CancellationToken.None);
            Assert.IsType<Decision.Changed>(decision);
            Assert.Equal(second, (await after.OpenOrderAsync(orderId)).OfferedTo); // the projection is in the outbox too
        }

        await using var recovered = await LocalHostFixture.StartAsync(azurite, prefix, clock);
        await recovered.AdvanceAsync(TimeSpan.FromMinutes(1)); // the restart takes a while; the sweeper finishes the outbox
        var third = (await recovered.OpenOrderAsync(orderId)).OfferedTo;
        Assert.NotNull(third);
        Assert.DoesNotContain(third, new[] { first, second });
        var order = await recovered.Services.GetRequiredService<Storage.OrderStore>().GetAsync(orderId);
        Assert.Empty(order!.Outbox);
        Assert.Equal(3, order.State.Attempt);
    }

    [Fact]
    public async Task A_crash_between_the_order_save_and_its_projections_is_healed_after_restart()
    {
        var clock = new FakeTimeProvider(LocalHostFixture.Monday10);
        var prefix = AzuriteFixture.NewPrefix();
        string orderId, member;
        await using (var before = await LocalHostFixture.StartAsync(azurite, prefix, clock))
        {
            orderId = (await before.PlaceAsync()).OrderId;
            member = (await before.OpenOrderAsync(orderId)).OfferedTo!;
            await before.RunLoopsAsync(); // the offer reaches the member's inbox

            // The acceptance is saved; the host dies before the organizer list and the inbox are updated.
            var workflow = before.Services.GetRequiredService<OrderWorkflow>();
            Assert.IsType<Decision.Changed>((await workflow.ApplyAsync(orderId, new OfferAccepted(member), CancellationToken.None)).Decision);
            var stale = await before.OpenOrderAsync(orderId);
            Assert.Equal((OrderStatus.Offered, null), (stale.Status, stale.MemberId));
        }

        await using var recovered = await LocalHostFixture.StartAsync(azurite, prefix, clock);
        await recovered.AdvanceAsync(TimeSpan.FromMinutes(1));
        var healed = await recovered.OpenOrderAsync(orderId);
        Assert.Equal((OrderStatus.Accepted, member, null), (healed.Status, healed.MemberId, healed.OfferedTo));
        var inbox = await recovered.CallAsync<Core.Api.InboxView>(HttpMethod.Get, Core.Api.Routes.Inbox, recovered.MemberToken(member));
        Assert.Empty(inbox.Offers);
        Assert.Equal(orderId, Assert.Single(inbox.Assignments).OrderId);
    }

    [Fact]
    public async Task The_repair_pass_leaves_rows_whose_order_still_owes_them_to_its_effects()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();

        // The acceptance is saved with its effects owed (as while its follow-ups are still on their way): its rows are
        // behind on purpose, and the effects write them; the repair pass does not write them first.
        var workflow = host.Services.GetRequiredService<OrderWorkflow>();
        Assert.IsType<Decision.Changed>((await workflow.ApplyAsync(placed.OrderId, new OfferAccepted(member), CancellationToken.None)).Decision);
        host.Clock.Advance(TimeSpan.FromMinutes(1)); // the repair pass is due again (the loops above ran it), no loop runs
        Assert.Equal(0, await host.Services.GetRequiredService<ProjectionRepair>().RepairOnceAsync(CancellationToken.None));
        Assert.Null((await host.OpenOrderAsync(placed.OrderId)).MemberId);

        await host.AdvanceAsync(TimeSpan.FromHours(1)); // the sweeper's hourly scan finds the order and runs what it owes
        var current = await host.OpenOrderAsync(placed.OrderId);
        Assert.Equal((OrderStatus.Accepted, member), (current.Status, current.MemberId));
    }

    [Fact]
    public async Task The_repair_pass_heals_projection_rows_behind_their_order_even_without_an_outbox_entry()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();

        // An order saved with nothing left to project: how a crash left orders before projections had an outbox.
        var store = host.Services.GetRequiredService<Storage.OrderStore>();
        var stored = (await store.GetAsync(placed.OrderId))!;
        var accepted = new OfferAccepted(member);
        var decision = Assert.IsType<Decision.Changed>(host.Services.GetRequiredService<OrderDecider>().Decide(stored.State, accepted, host.Clock.GetUtcNow()));
        await store.SaveAsync(stored, decision.State, accepted, host.Clock.GetUtcNow(), stored.Outbox);
        Assert.Null((await host.OpenOrderAsync(placed.OrderId)).MemberId);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var healed = await host.OpenOrderAsync(placed.OrderId);
        Assert.Equal((OrderStatus.Accepted, member), (healed.Status, healed.MemberId));
        var inbox = await host.CallAsync<Core.Api.InboxView>(HttpMethod.Get, Core.Api.Routes.Inbox, host.MemberToken(member));
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Assignments).OrderId);
    }
}
