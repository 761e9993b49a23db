using Dispatch.App.Notices;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Local.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>An action answers once the order's course is set (saved, dispatched, timers set); the lists, inboxes,
/// notices and the service record follow just after. These tests use a plain client, which does not wait for those
/// follow-ups as the fixture's does: what a person sees on the next page is what the host itself guarantees.</summary>
[Collection(AzuriteCollection.Name)]
public class FollowUpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_page_read_right_after_each_action_shows_that_action()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var plain = new HttpClient { BaseAddress = host.BaseAddress };
        for (var i = 0; i < 4; i++)
        {
            var placed = await CallAsync<PlaceOrderResponse>(plain, HttpMethod.Post, Routes.Orders, null, LocalHostFixture.Form());
            var listed = Assert.Single(await CallAsync<OrganizerOrderView[]>(plain, HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken()),
                o => o.OrderId == placed.OrderId);
            Assert.Equal(OrderStatus.Offered, listed.Status);
            var member = host.MemberToken(listed.OfferedTo!);
            var route = (string r) => LocalHostFixture.RouteOf(r, placed.OrderId);

            await CallAsync<MemberOrderView>(plain, HttpMethod.Post, route(Routes.Accept), member);
            var inbox = await CallAsync<InboxView>(plain, HttpMethod.Get, Routes.Inbox, member);
            Assert.Equal(OrderStatus.Accepted, Assert.Single(inbox.Assignments, o => o.OrderId == placed.OrderId).Status);
            Assert.Equal(OrderStatus.Accepted, Assert.Single(await CallAsync<OrganizerOrderView[]>(plain, HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken()),
                o => o.OrderId == placed.OrderId).Status);

            await CallAsync<MemberOrderView>(plain, HttpMethod.Post, route(Routes.Hours), member, new HoursRequest(1.5m));
            inbox = await CallAsync<InboxView>(plain, HttpMethod.Get, Routes.Inbox, member);
            Assert.Equal(OrderStatus.Done, Assert.Single(inbox.Assignments.Concat(inbox.Past), o => o.OrderId == placed.OrderId).Status);

            var before = await CallAsync<MyRecordsView>(plain, HttpMethod.Get, Routes.MyRecords, member);
            await CallAsync<ResidentOrderView>(plain, HttpMethod.Post, route(Routes.Confirm), placed.Token, new ConfirmRequest(5));
            var records = await CallAsync<MyRecordsView>(plain, HttpMethod.Get, Routes.MyRecords, member);
            Assert.Equal(1.5m, Assert.Single(records.Records, r => r.OrderId == placed.OrderId).Hours);
            Assert.Equal(before.Hours + 1.5m, records.Hours);
            Assert.DoesNotContain(await CallAsync<OrganizerOrderView[]>(plain, HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken()),
                o => o.OrderId == placed.OrderId);
            Assert.Empty((await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.Outbox); // nothing left owed
        }
    }

    [Fact]
    public async Task Actions_in_quick_succession_each_notify_once_and_leave_nothing_owed()
    {
        // No read between the actions: each action waits for the previous one's follow-ups (they clear the outbox it
        // is about to read), so none is sent twice and none is left.
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var plain = new HttpClient { BaseAddress = host.BaseAddress };
        var placed = await CallAsync<PlaceOrderResponse>(plain, HttpMethod.Post, Routes.Orders, null, LocalHostFixture.Form());
        var memberId = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var member = host.MemberToken(memberId);
        var route = (string r) => LocalHostFixture.RouteOf(r, placed.OrderId);
        await CallAsync<MemberOrderView>(plain, HttpMethod.Post, route(Routes.Accept), member);
        await CallAsync<MemberOrderView>(plain, HttpMethod.Post, route(Routes.Hours), member, new HoursRequest(2m));
        await CallAsync<ResidentOrderView>(plain, HttpMethod.Post, route(Routes.Confirm), placed.Token, new ConfirmRequest(4));

        var records = await CallAsync<MyRecordsView>(plain, HttpMethod.Get, Routes.MyRecords, member); // waits for the follow-ups
        Assert.Equal(2m, Assert.Single(records.Records, r => r.OrderId == placed.OrderId).Hours);
        var notices = host.Services.GetRequiredService<NoticeStore>();
        var resident = await notices.ListAsync(NoticeRecipient.Resident(placed.OrderId), 50);
        Assert.Single(resident, n => n.Kind == NoticeKind.OrderAccepted);
        Assert.Single(resident, n => n.Kind == NoticeKind.ConfirmRequested);
        Assert.Single(await notices.ListAsync(NoticeRecipient.Member(memberId), 50), n => n.Kind == NoticeKind.ServiceConfirmed && n.OrderId == placed.OrderId);
        Assert.Empty((await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.Outbox);
        Assert.DoesNotContain(await CallAsync<OrganizerOrderView[]>(plain, HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken()),
            o => o.OrderId == placed.OrderId);
    }

    [Fact]
    public async Task A_stuck_notice_does_not_hold_up_the_accept_and_is_sent_once_it_comes_unstuck()
    {
        var gate = new NoticeGate();
        await using var host = await StartGatedAsync(gate);
        using var plain = new HttpClient { BaseAddress = host.BaseAddress };
        var placed = await host.PlaceAsync();
        var member = host.MemberToken((await host.OpenOrderAsync(placed.OrderId)).OfferedTo!);
        gate.Close(NoticeKind.OrderAccepted);

        // The resident's notice hangs (a slow store or provider); the member's accept is answered all the same.
        var accepted = await CallAsync<MemberOrderView>(plain, HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        Assert.Equal(OrderStatus.Accepted, accepted.Status);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var notices = host.Services.GetRequiredService<NoticeStore>();
        Assert.DoesNotContain(await notices.ListAsync(NoticeRecipient.Resident(placed.OrderId), 50), n => n.Kind == NoticeKind.OrderAccepted);
        Assert.NotEmpty((await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.Outbox); // still owed

        gate.Open();
        var view = await CallAsync<ResidentOrderView>(plain, HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, placed.OrderId), placed.Token);
        Assert.Equal(OrderStatus.Accepted, view.Status);
        Assert.Contains(await notices.ListAsync(NoticeRecipient.Resident(placed.OrderId), 50), n => n.Kind == NoticeKind.OrderAccepted);
        Assert.Empty((await host.Services.GetRequiredService<OrderStore>().GetAsync(placed.OrderId))!.Outbox);
    }

    [Fact]
    public async Task A_stuck_notice_of_an_order_nobody_holds_does_not_hold_up_the_next_orders_dispatch()
    {
        var gate = new NoticeGate();
        await using var host = await StartGatedAsync(gate);
        using var plain = new HttpClient { BaseAddress = host.BaseAddress };
        gate.Close(NoticeKind.OrderReceived);
        var first = await CallAsync<PlaceOrderResponse>(plain, HttpMethod.Post, Routes.Orders, null, LocalHostFixture.Form());
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The first order's follow-ups hang on the resident's notice. Only runs of orders a member holds change whom the
        // matching picks, so the next order is dispatched without waiting for this one (a wait would last until the
        // tracker gives up, FollowUpTracker.SettleLimit).
        var second = await CallAsync<PlaceOrderResponse>(plain, HttpMethod.Post, Routes.Orders, null, LocalHostFixture.Form())
            .WaitAsync(FollowUpTracker.SettleLimit - TimeSpan.FromSeconds(1));
        var orders = host.Services.GetRequiredService<OrderStore>();
        Assert.Equal(OrderStatus.Offered, (await orders.GetAsync(second.OrderId))!.State.Status);
        Assert.NotEmpty((await orders.GetAsync(first.OrderId))!.Outbox); // the first order's notice is still owed

        gate.Open();
        await CallAsync<ResidentOrderView>(plain, HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, first.OrderId), first.Token);
        Assert.Contains(await host.Services.GetRequiredService<NoticeStore>().ListAsync(NoticeRecipient.Resident(first.OrderId), 50),
            n => n.Kind == NoticeKind.OrderReceived);
    }

    /// <summary>A host whose notices pass through <paramref name="gate"/>.</summary>
    private Task<LocalHostFixture> StartGatedAsync(NoticeGate gate) => LocalHostFixture.StartAsync(azurite, services: s =>
    {
        s.AddSingleton<InboxNotifier>();
        s.AddSingleton<INotifier>(sp => gate.Around(sp.GetRequiredService<InboxNotifier>()));
    });

    private static Task<T> CallAsync<T>(HttpClient client, HttpMethod method, string path, string? token, object? body = null) =>
        LocalHostFixture.CallWithAsync<T>(client, method, path, token, body);

    /// <summary>Holds notices of one kind until opened, as a hanging store or provider would.</summary>
    private sealed class NoticeGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private NoticeKind? _closed;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Close(NoticeKind kind) => _closed = kind;

        public void Open() => _open.TrySetResult();

        public INotifier Around(INotifier inner) => new Gated(this, inner);

        private sealed class Gated(NoticeGate gate, INotifier inner) : INotifier
        {
            public Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct) => inner.DeliverOfferAsync(offer, ct);

            public Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct) => inner.WithdrawAsync(withdraw, ct);

            public async Task NotifyAsync(Notify notify, CancellationToken ct)
            {
                if (gate._closed == notify.Notice)
                {
                    gate.Reached.TrySetResult();
                    await gate._open.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
                }

                await inner.NotifyAsync(notify, ct);
            }

            public Task EscalateAsync(Escalate escalate, CancellationToken ct) => inner.EscalateAsync(escalate, ct);
        }
    }
}
