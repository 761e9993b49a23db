using System.Collections.Immutable;
using System.Text.Json;
using Dispatch.Core.Orders;
using Dispatch.Functions.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The orchestration never loses an event and never dies silently: generation boundaries, activity
/// outages, lost orchestrations, a new decider deployed under orders in flight, free text kept out of
/// history, and old histories purged. The real orchestrator in Durable's in-process test host, activities on
/// Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrchestrationTrustTests(AzuriteFixture azurite)
{
    /// <summary>Retries in fractions of a second, so an outage shows within a test.</summary>
    private static readonly Dictionary<string, string?> QuickStalls = new()
    {
        ["Orders:ActivityAttempts"] = "2",
        ["Orders:FirstRetry"] = "00:00:00.200",
        ["Orders:StallFirst"] = "00:00:01",
        ["Orders:StallMax"] = "00:00:02",
        ["Dispatch:ActionWait"] = "00:00:02",
    };

    [Fact]
    public async Task Events_raised_while_the_orchestration_continues_as_new_are_all_decided()
    {
        // A generation of one decision: every event lands on a ContinueAsNew boundary, and the offer
        // reminder timer (2 s after the offer) fires in the middle of the bursts. The deadline is long enough
        // that a loaded machine does not let the offers expire before the accepts arrive.
        var policy = FastPolicy with { OfferDeadline = TimeSpan.FromSeconds(40), OfferReminderBefore = TimeSpan.FromSeconds(38) };
        await using var host = await StartAsync(azurite, policy, settings: new Dictionary<string, string?> { ["Orders:EventsPerGeneration"] = "1" });
        var orders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.PlaceAsync()));
        foreach (var (orderId, _) in orders)
        {
            await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");
        }

        await Task.Delay(TimeSpan.FromSeconds(1.6));
        var raised = new Dictionary<string, List<string>>();
        var accepts = new List<Task<int>>();
        foreach (var (orderId, _) in orders)
        {
            raised[orderId] = [];
            for (var i = 0; i < 4; i++)
            {
                // Refused by the decider (not m3's offer), but each must still be ruled on. Raised as the HTTP
                // functions raise (stored as pending, then raised), without their pre-check, which would refuse it.
                var id = $"burst{i}";
                raised[orderId].Add(id);
                await host.Get<OrderCommands>().RaiseAsync(host.Client, orderId, id, new OfferDeclined("m3"), default);
            }

            accepts.Add(Task.Run(async () => Read(await host.Orders.AcceptAsync(
                Request("POST", $"/api/orders/{orderId}/accept", token: host.MemberToken("m1")), orderId, host.Client, default)).Status));
        }

        // 200, or 202 while still on its way: either way the member has the order.
        Assert.All(await Task.WhenAll(accepts), status => Assert.Contains(status, new[] { 200, 202 }));
        foreach (var (orderId, _) in orders)
        {
            var stored = await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Accepted);
            Assert.Equal("m1", stored.State.MemberId);
            var progress = await WaitForOutcomesAsync(host, orderId, raised[orderId]);
            Assert.All(raised[orderId], id => Assert.Contains(progress.Outcomes, o => o.Id == id && !o.Accepted && o.Code == nameof(RejectionCode.NotYourOffer)));

            // The status a generation leaves before it continues as new still names that generation: wait for the next.
            await WaitUntilAsync(async () => (await Progress(host, orderId))?.Generation >= 2, "the order's orchestration continuing as new (the test crossing a boundary)");
        }
    }

    [Fact]
    public async Task A_step_that_keeps_failing_stalls_the_order_tells_the_organizers_and_resumes()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, settings: QuickStalls);
        host.Faults.Break(OrderActivities.SendOffer); // messaging is down

        var (orderId, resident) = await host.PlaceAsync();
        await WaitUntilAsync(async () => (await Progress(host, orderId))?.StalledIn == OrderActivities.SendOffer);
        var meta = await host.Client.GetInstanceAsync(orderId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, meta!.RuntimeStatus); // not failed
        Assert.Empty(host.Sender.Delivered);
        var organizers = host.Get<NoticeStore>();
        await WaitUntilAsync(async () => (await organizers.ListAsync(NoticeRecipient.Organizers(CommunityId), 20)).Any(n => n.OrderId == orderId && n.Kind == NoticeKind.OrderStalled));

        // The resident cancels while it is stalled: 202 with where to look, not a silent no-op.
        var (status, _, _) = Read(await host.Orders.CancelAsync(Request("POST", $"/api/orders/{orderId}/cancel", token: resident), orderId, host.Client, default));
        Assert.Equal(202, status);
        Assert.Equal(OrderStatus.Offered, (await host.Get<OrderStore>().GetAsync(orderId))!.State.Status);

        host.Faults.Heal(OrderActivities.SendOffer);
        var done = await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Cancelled, TimeSpan.FromSeconds(30));
        Assert.Equal(OrderStatus.Cancelled, done.State.Status); // the queued cancel was decided once messaging was back
        Assert.Single(host.Sender.Delivered); // the offer went out when it could
        await WaitUntilAsync(async () => (await organizers.ListAsync(NoticeRecipient.Organizers(CommunityId), 20)).Any(n => n.OrderId == orderId && n.Kind == NoticeKind.OrderResumed));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.WaitForInstanceCompletionAsync(orderId)).RuntimeStatus);
    }

    [Fact]
    public async Task The_repair_pass_restarts_open_orders_whose_orchestration_is_gone()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["Orders:RepairGrace"] = "00:00:00" });
        var upkeep = host.Get<OrderUpkeep>();

        // 1. Offered, then its orchestration is terminated (an operator, a poison history …).
        var (offered, _) = await host.PlaceAsync();
        await host.WaitForAsync(offered, s => s.Offer?.MemberId == "m1");
        await host.Client.TerminateInstanceAsync(offered);
        await host.Client.WaitForInstanceCompletionAsync(offered);

        // 2. Stored and listed, but its orchestration never started (the place function died in between).
        var now = DateTimeOffset.UtcNow;
        var request = new OrderRequest(OrderKind.Service, Dispatch.Core.Members.ServiceCategory.Repair,
            new Dispatch.Core.Members.Location(CommunityId, "g1", "b1"), false, null);
        var placed = new OrderPlaced("o-never-started", request);
        var state = new OrderDecider(SlowPolicy).Place(placed, now).State;
        await host.Get<OrderStore>().CreateAsync(state, new ResidentDetails("李阿姨", "13900002222", "1幢 302", "换灯泡"), placed, now, []);
        await host.Get<OrderIndex>().ProjectAsync(state);

        var report = await upkeep.RepairAsync(host.Client, default);
        Assert.Contains(offered, report.Restarted);
        Assert.Contains("o-never-started", report.Restarted);
        Assert.Empty((await upkeep.RepairAsync(host.Client, default)).Restarted); // a second pass finds them running

        // The restarted order takes replies again; the other is dispatched from scratch.
        var (accept, _, _) = Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken("m1")), offered, host.Client, default));
        Assert.Equal(200, accept);
        await WaitUntilAsync(() => Task.FromResult(host.Sender.Delivered.Any(m => m.OrderId == "o-never-started" && m.MemberId == "m1")));
    }

    [Fact]
    public async Task An_order_started_under_the_previous_decider_completes_under_the_new_one()
    {
        var deployed = new DeployedDecider();
        await using var host = await StartAsync(azurite, SlowPolicy, deciders: deployed.For);
        var (orderId, resident) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");

        // A deployment: the next decisions come from a decider that adds a notice to every decision. Had the
        // orchestration decided inside its own code, replaying the placement would now call one activity
        // more than its history records, and the order would fail as non-deterministic.
        deployed.Version = 2;
        Assert.Equal(200, Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken("m1")), orderId, host.Client, default)).Status);
        Assert.Equal(200, Read(await host.Orders.HoursAsync(Request("POST", "/x", new { hours = 1 }, host.MemberToken("m1")), orderId, host.Client, default)).Status);
        Assert.Equal(200, Read(await host.Orders.ConfirmAsync(Request("POST", "/x", new { rating = 5 }, resident), orderId, host.Client, default)).Status);

        var done = await host.Client.WaitForInstanceCompletionAsync(orderId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Confirmed", done.ReadOutputAs<string>());
        var residentNotices = await host.Get<NoticeStore>().ListAsync(NoticeRecipient.Resident(orderId), 50);
        Assert.Contains(residentNotices, n => n.DedupeKey.Contains("-v2-", StringComparison.Ordinal)); // version 2 decided the rest
        var year = Dispatch.Core.Time.ChinaTime.YearOf(DateTimeOffset.UtcNow);
        Assert.Single(await host.Get<ServiceRecordStore>().ListForMemberAsync(CommunityId, year, "m1"));
    }

    [Fact]
    public async Task Free_text_reasons_stay_out_of_the_orchestration_and_are_kept_with_the_order()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, _) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");
        const string Reason = "明天要去医院复查 (private-reason-7731)";
        var (status, _, _) = Read(await host.Orders.DeclineAsync(Request("POST", "/x", new { reason = Reason }, host.MemberToken("m1")), orderId, host.Client, default));
        Assert.Equal(200, status);
        await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m2");

        // What the history holds: the input, the custom status, and every activity's input and output (the
        // events reach the decider as Decide's input).
        var meta = await host.Client.GetInstanceAsync(orderId, getInputsAndOutputs: true);
        var everything = string.Join('\n', host.ActivityPayloads) + meta!.SerializedInput + meta.SerializedCustomStatus;
        Assert.Contains("\"declined\"", everything, StringComparison.Ordinal); // the event is there …
        Assert.DoesNotContain("private-reason-7731", everything, StringComparison.Ordinal); // … its free text is not
        var reasons = await host.Get<OrderStore>().ReasonsAsync(orderId);
        Assert.Equal(Reason, Assert.Single(reasons).Reason);

        var (tooLong, problem, _) = Read(await host.Orders.DeclineAsync(
            Request("POST", "/x", new { reason = new string('长', 501) }, host.MemberToken("m2")), orderId, host.Client, default));
        Assert.Equal(400, tooLong);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("m2", (await host.Get<OrderStore>().GetAsync(orderId))!.State.Offer!.MemberId); // nothing changed
    }

    [Fact]
    public async Task Finished_orders_lose_their_orchestration_history_after_the_retention_period()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (finished, resident) = await host.PlaceAsync();
        await host.WaitForAsync(finished, s => s.Status == OrderStatus.Offered);
        Read(await host.Orders.CancelAsync(Request("POST", "/x", token: resident), finished, host.Client, default));
        await host.Client.WaitForInstanceCompletionAsync(finished);
        var (open, _) = await host.PlaceAsync();
        await host.WaitForAsync(open, s => s.Status == OrderStatus.Offered);

        OrderUpkeep At(DateTimeOffset now) => new(
            host.Get<OrgDirectory>(), host.Get<OrderIndex>(), host.Get<OrderStore>(), host.Get<OrderDecider>(),
            new FakeTimeProvider(now), Options.Create(new OrderUpkeepOptions { HistoryRetentionDays = 7 }), NullLogger<OrderUpkeep>.Instance);

        Assert.Equal(0, await At(DateTimeOffset.UtcNow.AddDays(6)).PurgeAsync(host.Client, default)); // still within 7 days
        Assert.NotNull(await host.Client.GetInstanceAsync(finished));

        Assert.Equal(1, await At(DateTimeOffset.UtcNow.AddDays(8)).PurgeAsync(host.Client, default));
        Assert.Null(await host.Client.GetInstanceAsync(finished));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(open))!.RuntimeStatus); // open orders are never purged
        Assert.Equal(OrderStatus.Cancelled, (await host.Get<OrderStore>().GetAsync(finished))!.State.Status); // the order itself stays
    }

    private static async Task<OrderProgress?> Progress(AzureHost host, string orderId) =>
        OrderCommands.ReadProgress((await host.Client.GetInstanceAsync(orderId, getInputsAndOutputs: true))?.SerializedCustomStatus);

    private static async Task<OrderProgress> WaitForOutcomesAsync(AzureHost host, string orderId, IReadOnlyList<string> ids)
    {
        OrderProgress? last = null;
        await WaitUntilAsync(async () =>
        {
            last = await Progress(host, orderId);
            return last is not null && ids.All(id => last.Outcomes.Any(o => o.Id == id));
        });
        return last!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what = "The condition")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within 30 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The decider "deployed" now: version 1 is the real one; version 2 also tells the resident of
    /// every decision (a visible change of behaviour).</summary>
    private sealed class DeployedDecider
    {
        public int Version { get; set; } = 1;

        public IOrderDecider For(OrderPolicy policy) => new Versioned(new OrderDecider(policy), this);

        private sealed class Versioned(OrderDecider inner, DeployedDecider deployed) : IOrderDecider
        {
            public OrderPolicy Policy => inner.Policy;

            public Decision Decide(OrderState? state, OrderEvent @event, DateTimeOffset now)
            {
                var decision = inner.Decide(state, @event, now);
                return deployed.Version < 2 || decision is not Decision.Changed changed || @event is TimerFired
                    ? decision
                    : changed with
                    {
                        Effects = changed.Effects.Add(new Notify(changed.State.OrderId, Recipient.Resident, NoticeKind.OrderReceived, null, $"v2-{changed.State.Version}")),
                    };
            }
        }
    }
}
