using Dispatch.App.Notices;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>An effect that fails while the host runs (here the resident's notice) is not lost: the saved action
/// stands and is answered as done (the notice is a follow-up after the answer), and the next upkeep pass runs what is
/// left, without a restart.</summary>
[Collection(AzuriteCollection.Name)]
public class EffectRetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_failed_notice_after_an_accept_is_sent_by_the_next_upkeep_pass()
    {
        var flaky = new FailOnce();
        await using var host = await LocalHostFixture.StartAsync(azurite, services: s =>
        {
            s.AddSingleton<InboxNotifier>();
            s.AddSingleton<INotifier>(sp => flaky.Around(sp.GetRequiredService<InboxNotifier>()));
        });
        var placed = await host.PlaceAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();
        flaky.Arm(NoticeKind.OrderAccepted);

        using var accept = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(member));
        Assert.True(accept.IsSuccessStatusCode, await accept.Content.ReadAsStringAsync()); // the notice fails after the answer
        var notices = host.Services.GetRequiredService<NoticeStore>();
        var residentKey = NoticeRecipient.Resident(placed.OrderId);
        Assert.DoesNotContain(await notices.ListAsync(residentKey, 50), n => n.Kind == NoticeKind.OrderAccepted);
        var orders = host.Services.GetRequiredService<OrderStore>();
        var saved = (await orders.GetAsync(placed.OrderId))!;
        Assert.Equal(OrderStatus.Accepted, saved.State.Status);
        Assert.NotEmpty(saved.Outbox);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1)); // an upkeep pass, past the sweeper's grace

        Assert.Contains(await notices.ListAsync(residentKey, 50), n => n.Kind == NoticeKind.OrderAccepted);
        Assert.Empty((await orders.GetAsync(placed.OrderId))!.Outbox);
        Assert.Equal((OrderStatus.Accepted, member), ((await host.OpenOrderAsync(placed.OrderId)).Status, (await host.OpenOrderAsync(placed.OrderId)).MemberId));
    }

    /// <summary>Fails the first notice of one kind once, as a storage hiccup would.</summary>
    private sealed class FailOnce
    {
        private NoticeKind? _armed;

        public void Arm(NoticeKind kind) => _armed = kind;

        public INotifier Around(INotifier inner) => new Failing(this, inner);

        private bool Take(NoticeKind kind)
        {
            if (_armed != kind)
            {
                return false;
            }

            _armed = null;
            return true;
        }

        private sealed class Failing(FailOnce owner, INotifier inner) : INotifier
        {
            public Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct) => inner.DeliverOfferAsync(offer, ct);

            public Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct) => inner.WithdrawAsync(withdraw, ct);

            public Task NotifyAsync(Notify notify, CancellationToken ct) =>
                owner.Take(notify.Notice) ? throw new IOException("notice store hiccup") : inner.NotifyAsync(notify, ct);

            public Task EscalateAsync(Escalate escalate, CancellationToken ct) => inner.EscalateAsync(escalate, ct);
        }
    }
}
