using Dispatch.Core.Orders;
using Dispatch.Functions.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The order cycle through the Azure host: HTTP functions → the real orchestration and decider →
/// activities on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrderCycleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Accept_report_confirm_makes_exactly_one_record_and_prints_costs()
    {
        using var meter = new StorageMeter();
        await using var host = await StartAsync(azurite, SlowPolicy);
        meter.Reset();
        host.Executions.Reset();
        var httpCalls = 0;

        var (orderId, resident) = await host.PlaceAsync();
        httpCalls++;
        var offered = await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Offered);
        Assert.Equal("m1", offered.State.Offer!.MemberId);

        var (status, view, _) = Read(await host.Orders.AcceptAsync(Request("POST", $"/api/orders/{orderId}/accept", token: host.MemberToken("m1")), orderId, host.Client, default));
        httpCalls++;
        Assert.Equal(200, status);
        Assert.Equal("Accepted", view.GetProperty("status").GetString());
        Assert.Equal("王秀英", view.GetProperty("resident").GetProperty("name").GetString()); // the assignee sees the contact

        (status, view, _) = Read(await host.Orders.HoursAsync(Request("POST", $"/api/orders/{orderId}/hours", new { hours = 1.5m }, host.MemberToken("m1")), orderId, host.Client, default));
        httpCalls++;
        Assert.Equal(200, status);
        Assert.Equal("Done", view.GetProperty("status").GetString());

        (status, view, _) = Read(await host.Orders.ConfirmAsync(Request("POST", $"/api/orders/{orderId}/confirm", new { rating = 5 }, resident), orderId, host.Client, default));
        httpCalls++;
        Assert.Equal(200, status);
        Assert.Equal("Confirmed", view.GetProperty("status").GetString());
        Assert.Equal("m1", view.GetProperty("member").GetProperty("memberId").GetString());

        var done = await host.Client.WaitForInstanceCompletionAsync(orderId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Confirmed", done.ReadOutputAs<string>());

        var records = host.Get<ServiceRecordStore>();
        var year = offered.State.PlacedAt.Year;
        var list = await records.ListForMemberAsync(CommunityId, Dispatch.Core.Time.ChinaTime.YearOf(offered.State.PlacedAt), "m1");
        Assert.Single(list);
        var tally = await records.GetTallyAsync(CommunityId, Dispatch.Core.Time.ChinaTime.YearOf(offered.State.PlacedAt), "m1");
        Assert.Equal(3, tally!.HalfHours);
        Assert.Equal(1, tally.Services);
        Assert.Single(host.Sender.Sends);
        Assert.Empty(await host.Get<OrderIndex>().ListOpenAsync(CommunityId)); // terminal: off the open list
        _ = year;

        // Cost figures for the README ("cost per 1,000 orders").
        var history = await host.Client.GetOrchestrationHistoryAsync(orderId);
        var appTransactions = meter.Requests;
        output.WriteLine($"COST per order (place → offer → accept → hours → confirm):");
        output.WriteLine($"  app storage transactions (tables, Azurite, counted at the SDK): {appTransactions}");
        output.WriteLine($"  orchestrator executions (episodes): {host.Executions[OrderOrchestration.Name]}");
        output.WriteLine($"  activity executions: {host.Executions.Total - host.Executions[OrderOrchestration.Name]} ({host.Executions})");
        output.WriteLine($"  HTTP executions: {httpCalls} (+ status polls inside them)");
        output.WriteLine($"  Service Bus messages: {host.Sender.Sends.Count} sent, {host.Sender.Delivered.Count} delivered (1 trigger execution each)");
        output.WriteLine($"  orchestration history events: {history.Count}");
        Console.WriteLine($"COST order-cycle storage={appTransactions} orchestrator={host.Executions[OrderOrchestration.Name]} activities={host.Executions.Total - host.Executions[OrderOrchestration.Name]} http={httpCalls} messages={host.Sender.Sends.Count} history={history.Count}");
    }

    [Fact]
    public async Task Decline_redispatches_to_the_next_member()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, _) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");

        var (status, view, _) = Read(await host.Orders.DeclineAsync(
            Request("POST", $"/api/orders/{orderId}/decline", new { reason = "busy" }, host.MemberToken("m1")), orderId, host.Client, default));
        Assert.Equal(200, status);

        var next = await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m2");
        Assert.Equal(2, next.State.Attempt);
        Assert.Contains("m1", next.State.Excluded);
        for (var i = 0; i < 100 && host.Sender.Sends.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["ORDERID-1", "ORDERID-2"], host.Sender.Sends.Select(s => s.Replace(orderId, "ORDERID", StringComparison.Ordinal)));
        var m1 = await host.Get<MemberInbox>().ListAsync("m1");
        Assert.Equal(InboxRole.Expired, Assert.Single(m1).Role);
        var m2 = await host.Get<MemberInbox>().ListAsync("m2");
        for (var i = 0; i < 100 && m2.Count == 0; i++)
        {
            await Task.Delay(100); // the offer reaches the inbox through the queue, after the save
            m2 = await host.Get<MemberInbox>().ListAsync("m2");
        }

        Assert.Equal(InboxRole.Offered, Assert.Single(m2).Role);
        _ = view;
    }

    [Fact]
    public async Task Expiry_reminds_then_redispatches_then_escalates()
    {
        await using var host = await StartAsync(azurite, FastPolicy);
        var (orderId, _) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");

        // Nobody answers: reminder (2 s before the 4 s deadline), expiry, offer to m2, its expiry, escalation.
        var escalated = await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Escalated, TimeSpan.FromSeconds(40));
        Assert.Equal(EscalationReason.TooManyAttempts, escalated.State.Escalation);
        Assert.Equal(["m1", "m2"], escalated.State.Excluded.Order());

        var notices = host.Get<NoticeStore>();
        // The save comes before the effects: give the escalation notice a moment.
        for (var i = 0; i < 100 && (await notices.ListAsync(NoticeRecipient.Organizers(CommunityId), 20)).Count == 0; i++)
        {
            await Task.Delay(100);
        }

        var m1 = (await notices.ListAsync(NoticeRecipient.Member("m1"), 20)).Select(n => n.Kind).ToList();
        Assert.Contains(NoticeKind.OfferReminder, m1);
        Assert.Contains(NoticeKind.OfferExpired, m1);
        var m2 = (await notices.ListAsync(NoticeRecipient.Member("m2"), 20)).Select(n => n.Kind).ToList();
        Assert.Contains(NoticeKind.OfferReminder, m2);
        var organizers = await notices.ListAsync(NoticeRecipient.Organizers(CommunityId), 20);
        Assert.Equal(NoticeKind.Escalated, Assert.Single(organizers).Kind);
        Assert.Equal(2, host.Sender.Sends.Count);

        var open = await host.Get<OrderIndex>().ListOpenAsync(CommunityId, OrderStatus.Escalated);
        Assert.Equal(orderId, Assert.Single(open).OrderId);

        // The organizer dispatches by hand: the escalated order is offered to m3.
        var (status, _, _) = Read(await host.Orders.DispatchAsync(
            Request("POST", $"/api/orders/{orderId}/dispatch", new { memberId = "m3" }, host.OrganizerToken()), orderId, host.Client, default));
        Assert.Equal(200, status);
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m3");
    }

    [Fact]
    public async Task A_crash_inside_activities_is_retried_and_effects_happen_once()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        // The offer is sent, then the activity "crashes" before reporting: the retry sends it again and the
        // queue's duplicate detection (same MessageId) keeps one. The record is written, then the activity
        // crashes: the retry finds the record and credits nothing twice. The save crashes before writing.
        host.Faults.FailOnceAfter(OrderActivities.SendOffer);
        host.Faults.FailOnceAfter(OrderActivities.RecordService);
        host.Faults.FailOnceBefore(OrderActivities.Decide);

        var (orderId, resident) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Offered);
        Assert.Equal(200, Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken("m1")), orderId, host.Client, default)).Status);
        Assert.Equal(200, Read(await host.Orders.HoursAsync(Request("POST", "/x", new { hours = 2 }, host.MemberToken("m1")), orderId, host.Client, default)).Status);
        Read(await host.Orders.ConfirmAsync(Request("POST", "/x", new { rating = 4 }, resident), orderId, host.Client, default));
        await host.Client.WaitForInstanceCompletionAsync(orderId);

        Assert.Equal(2, host.Executions[OrderActivities.SendOffer]); // ran twice …
        Assert.Equal(2, host.Sender.Sends.Count);
        Assert.Single(host.Sender.Delivered); // … one message got through
        Assert.Equal(2, host.Executions[OrderActivities.RecordService]);
        var year = Dispatch.Core.Time.ChinaTime.YearOf(DateTimeOffset.UtcNow);
        var records = host.Get<ServiceRecordStore>();
        Assert.Single(await records.ListForMemberAsync(CommunityId, year, "m1"));
        var tally = await records.GetTallyAsync(CommunityId, year, "m1");
        Assert.Equal(1, tally!.Services);
        Assert.Equal(4, tally.HalfHours);
        var history = await host.Get<OrderStore>().HistoryAsync(orderId);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Version)); // one row per version, no gaps
        var notices = await host.Get<NoticeStore>().ListAsync(NoticeRecipient.Member("m1"), 50);
        Assert.Single(notices, n => n.Kind == NoticeKind.ServiceConfirmed);
    }

    [Fact]
    public async Task A_wish_waits_on_the_board_and_the_first_claim_wins()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, _) = await host.PlaceAsync(Form(kind: "Wish", category: "Visit"));
        await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Open);

        var (status, board, _) = Read(await host.Members.BoardAsync(Request("GET", "/api/board", token: host.MemberToken("m2")), default));
        Assert.Equal(200, status);
        Assert.Equal(orderId, board[0].GetProperty("orderId").GetString());

        Assert.Equal(200, Read(await host.Orders.ClaimAsync(Request("POST", "/x", token: host.MemberToken("m2")), orderId, host.Client, default)).Status);
        var (second, problem, _) = Read(await host.Orders.ClaimAsync(Request("POST", "/x", token: host.MemberToken("m3")), orderId, host.Client, default));
        Assert.Equal(409, second);
        Assert.EndsWith("already-taken", problem.GetProperty("type").GetString());

        var (_, inbox, _) = Read(await host.Members.InboxAsync(Request("GET", "/api/members/me/inbox", token: host.MemberToken("m2")), default));
        Assert.Equal(orderId, inbox.GetProperty("assignments")[0].GetProperty("orderId").GetString());
    }
}
