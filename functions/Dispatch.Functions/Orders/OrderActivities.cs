using Dispatch.App.Notices;
using Dispatch.App.Orders;
using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Functions.Assignments;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Orders;

/// <summary>The orchestration's I/O. Each activity is idempotent, because Durable Functions runs an
/// activity at least once (a crash after the work but before the result is recorded runs it again):
/// the save is versioned, projections never go back in version, notices and records are keyed, and an
/// offer message carries a MessageId the queue de-duplicates.</summary>
public sealed class OrderActivities(
    OrderStore orders,
    OrderProjector projector,
    Dispatcher dispatcher,
    ServiceRecordStore records,
    IAssignmentSender sender,
    INotifier notifier,
    NoticeStore notices,
    DeciderFor deciders,
    TimeProvider clock,
    ILogger<OrderActivities> logger)
{
    public const string Decide = "Order_Decide";
    public const string FindCandidate = "Order_FindCandidate";
    public const string SendOffer = "Order_SendOffer";
    public const string Notify = "Order_Notify";
    public const string RecordService = "Order_RecordService";
    public const string ReportStall = "Order_ReportStall";
    public const string PendingEvents = "Order_PendingEvents";

    /// <summary>Decides one event with the decider of this deployment and, when it is accepted, writes the
    /// new state to the order entity (with its history row) unless a newer version is stored, then brings
    /// the open-order list and the members' inboxes up to that version (the shared
    /// <see cref="OrderProjector"/>). Returns the decision and the timers still worth waiting for; the
    /// orchestration's history records it, so a replay never decides again.</summary>
    [Function(Decide)]
    public async Task<DecideResult> DecideAsync([ActivityTrigger] DecideInput decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var decider = deciders(decide.Policy);
        var decided = decider.Decide(decide.State, decide.Event, decide.Now);
        if (decided is Decision.Rejected rejected)
        {
            await ClearPendingAsync(decide, cancellationToken);
            return new DecideResult(decide.State, [], rejected.Rejection, decide.Timers);
        }

        var decision = (Decision.Changed)decided; // the only other case

        var after = decision.State;
        var stored = await orders.GetAsync(after.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {after.OrderId} is not stored; the place function creates it first.");
        // Equal: a retry after the entity was written; writing it again also (re)writes the history row. The
        // placement itself was stored by the place function.
        if (stored.State.Version < after.Version || (stored.State.Version == after.Version && decide.State is not null))
        {
            await orders.SaveAsync(stored, after, decide.Event, decide.Now, [], cancellationToken);
        }

        await projector.ProjectAsync(decide.State, after, cancellationToken);
        await ClearPendingAsync(decide, cancellationToken);
        return new DecideResult(after, [.. decision.Effects], null, TimersAfter(decider, after, decide.Timers, decision.Effects));
    }

    private Task ClearPendingAsync(DecideInput decide, CancellationToken ct) =>
        decide.EventId is { } id && decide.State is { } state ? orders.RemovePendingEventAsync(state.OrderId, id, ct) : Task.CompletedTask;

    /// <summary>The external events stored as pending for an order and not decided yet: read when a
    /// generation starts, so an event the previous generation never took is decided now.</summary>
    [Function(PendingEvents)]
    public async Task<PendingEvents> PendingEventsAsync([ActivityTrigger] string orderId, CancellationToken cancellationToken)
    {
        var pending = await orders.PendingEventsAsync(orderId, cancellationToken);
        return new PendingEvents([.. pending.Select(p => new OrderEnvelope(p.Id, p.Event))]);
    }

    /// <summary>The timers to wait for after a decision: the new ones replace those of the same key, and a
    /// timer the decider would drop as stale when it fires is not waited for (fewer wake-ups).</summary>
    private static List<ScheduleTimer> TimersAfter(IOrderDecider decider, OrderState state, IEnumerable<ScheduleTimer> held, IEnumerable<OrderEffect> effects)
    {
        var timers = held.ToList();
        foreach (var timer in effects.OfType<ScheduleTimer>())
        {
            timers.RemoveAll(t => t.Key == timer.Key);
            timers.Add(timer);
        }

        timers.RemoveAll(t => state.IsTerminal
            || decider.Decide(state, new TimerFired(t.Kind, t.Round), t.DueAt) is Decision.Rejected { Rejection.Code: RejectionCode.StaleTimer });
        return timers;
    }

    /// <summary>Tells the organizers of the order's community that it is stalled, or runs again. Keyed by
    /// the stall's start, so a retried activity adds one notice.</summary>
    [Function(ReportStall)]
    public async Task ReportStallAsync([ActivityTrigger] StallNotice stall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stall);
        var kind = stall.Resumed ? NoticeKind.OrderResumed : NoticeKind.OrderStalled;
        await notices.AddAsync(
            NoticeRecipient.Organizers(stall.CommunityId), stall.OrderId, kind, $"{kind}-{stall.Since.UtcTicks}", clock.GetUtcNow(), cancellationToken: cancellationToken);
    }

    /// <summary>Answers <see cref="Dispatch.Core.Orders.FindCandidate"/> with the shared <see cref="Dispatcher"/>
    /// (the matching policy over the community's members, their open assignments and this year's tallies,
    /// posts included), at the orchestration's time.</summary>
    [Function(FindCandidate)]
    public async Task<OrderEvent> FindCandidateAsync([ActivityTrigger] FindCandidateInput find, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(find);
        var state = find.State;
        var answer = await dispatcher.AnswerAsync(state, find.Find, find.Now, cancellationToken);
        if (answer is CandidateFound found)
        {
            logger.LogInformation("Order {OrderId} attempt {Attempt}: offering to member {MemberId} ({Reason})",
                state.OrderId, find.Find.Attempt, found.MemberId, found.Reason.Explain());
        }
        else
        {
            logger.LogWarning("Order {OrderId}: no member left to offer it to", state.OrderId);
        }

        return answer;
    }

    [Function(SendOffer)]
    public Task SendOfferAsync([ActivityTrigger] Dispatch.Core.Orders.SendOffer offer, CancellationToken cancellationToken) =>
        sender.SendAsync(offer, cancellationToken);

    [Function(Notify)]
    public async Task NotifyAsync([ActivityTrigger] OrderEffect notice, CancellationToken cancellationToken)
    {
        switch (notice)
        {
            case Dispatch.Core.Orders.Notify notify:
                await notifier.NotifyAsync(notify, cancellationToken);
                break;
            case WithdrawOffer withdraw:
                await notifier.WithdrawAsync(withdraw, cancellationToken);
                break;
            case Escalate escalate:
                await notifier.EscalateAsync(escalate, cancellationToken);
                break;
            case var other:
                throw new InvalidOperationException($"{other?.GetType().Name ?? "Nothing"} is not a notice.");
        }
    }

    /// <summary>Credits the hours once: the record id is the order id, a second add changes nothing.</summary>
    [Function(RecordService)]
    public async Task RecordServiceAsync([ActivityTrigger] Dispatch.Core.Orders.RecordService recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var record = recorded.Record;
        if (await records.AddAsync(record, cancellationToken))
        {
            logger.LogInformation("Service record {RecordId}: {Hours} h for member {MemberId}", record.RecordId, record.Hours, record.MemberId);
        }
    }
}
