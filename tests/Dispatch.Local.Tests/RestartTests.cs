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
            Assert.True(decision.Accepted);
            Assert.Null((await after.OpenOrderAsync(orderId)).OfferedTo);
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
}
