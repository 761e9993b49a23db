using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Runs what an order's outbox asks for. Every effect is idempotent (keyed, upserted, or
/// re-checked by the decider), so running an outbox twice — after a crash, or from the sweeper and a
/// request at once — has one outcome.</summary>
public sealed class EffectRunner(
    OrderStore orders,
    OrderWorkflow workflow,
    OutboxMarkers markers,
    Dispatcher dispatcher,
    OrderProjector projector,
    ServiceRecordStore records,
    TimerStore timers,
    AssignmentQueue assignments,
    INotifier notifier,
    FollowUpTracker followUps,
    Hosting.WorkSignal signal,
    TimeProvider clock,
    ILogger<EffectRunner> logger)
{
    /// <summary>Bounds the follow-ups of one run (dispatch → offer → …): each round is one outbox.</summary>
    public const int MaxRounds = 16;

    /// <summary>The sweeper's run: reads the order, runs what is left, and removes the order's marker once nothing is.</summary>
    public async Task RunAsync(string orderId, CancellationToken ct)
    {
        var after = await orders.GetAsync(orderId, ct) is { } stored ? await RunAsync(stored, ct) : null;
        if (after is null || after.Outbox.IsEmpty)
        {
            await markers.ClearAsync(orderId, ct);
        }
    }

    /// <summary>Runs the outbox of the order as the caller just saved or read it. Each round carries the order as
    /// last saved on to the next, so the order row is read again only when someone else saved it meanwhile.
    /// Answers the order as it was left (null if it is gone), for the caller's answer. An effect that fails marks
    /// the order, so the next upkeep pass tries again; the normal path writes no marker.</summary>
    public async Task<StoredOrder?> RunAsync(StoredOrder stored, CancellationToken ct) =>
        (await RunAsync(stored, new HashSet<string>(), deferFollowUps: false, ct)).Order;

    /// <summary>The same for an order whose <paramref name="done"/> effects already ran (on the request path): runs the
    /// rest and clears the outbox, the done ones included, in one write.</summary>
    public Task<(StoredOrder? Order, IReadOnlySet<string> Done)> RunAsync(StoredOrder stored, IReadOnlySet<string> done, CancellationToken ct) =>
        RunAsync(stored, new HashSet<string>(done), deferFollowUps: false, ct);

    /// <summary>The request path's share: the effects an action's answer shows or that set the order's course (a
    /// dispatch and its offer, timers). It leaves the follow-ups (<see cref="IsDeferred"/>) and the outbox's clearing
    /// to <see cref="DeferredEffects"/>, writing nothing itself but what those effects write. Answers the order as left
    /// and the keys of the effects it ran.</summary>
    public Task<(StoredOrder? Order, IReadOnlySet<string> Done)> RunDecisiveAsync(StoredOrder stored, CancellationToken ct) =>
        RunAsync(stored, new HashSet<string>(), deferFollowUps: true, ct);

    /// <summary>Effects no answer shows: the projected rows, notices and channel messages, withdrawals, escalations,
    /// the service record (with its tally) and needless timers' removal. Each is idempotent.</summary>
    public static bool IsDeferred(OrderEffect effect) => effect is ProjectViews or Notify or WithdrawOffer or Escalate or RecordService or DropTimers;

    private async Task<(StoredOrder? Order, IReadOnlySet<string> Done)> RunAsync(StoredOrder stored, HashSet<string> done, bool deferFollowUps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            var left = await RunRoundsAsync(stored, done, deferFollowUps, ct);
            if (left is not null && Runnable(left, done, deferFollowUps).ToList() is { Count: > 0 } still)
            {
                logger.LogWarning("Order {OrderId} still has effects after {Rounds} rounds ({Effects}); the sweeper will continue", stored.OrderId, MaxRounds,
                    string.Join(", ", still.Select(e => e.Key)));
                await markers.MarkAsync(stored.OrderId, ct);
            }

            return (left, done);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await MarkQuietlyAsync(stored.OrderId);
            throw;
        }
    }

    private async Task MarkQuietlyAsync(string orderId)
    {
        try
        {
            // Not the request's token: the request may be going away, and the mark is what lets the upkeep pass retry.
            await markers.MarkAsync(orderId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is failing: the next pending-order scan finds the order from its own row.
            logger.LogWarning(e, "Order {OrderId}: could not mark the order for a retry of its effects", orderId);
        }
    }

    private static IEnumerable<OrderEffect> Runnable(StoredOrder order, IReadOnlySet<string> done, bool deferFollowUps) =>
        order.Outbox.Where(e => !done.Contains(e.Key) && !(deferFollowUps && IsDeferred(e)));

    private async Task<StoredOrder?> RunRoundsAsync(StoredOrder stored, HashSet<string> done, bool deferFollowUps, CancellationToken ct)
    {
        StoredOrder? current = stored;
        for (var round = 0; round < MaxRounds; round++)
        {
            var runnable = current is null ? [] : Runnable(current, done, deferFollowUps).ToList();
            if (current is null || runnable.Count == 0)
            {
                // The outbox still lists what ran when nothing since wrote it: clear it now, unless the follow-ups will.
                if (current is null || deferFollowUps || !current.Outbox.Any(e => done.Contains(e.Key)))
                {
                    return current;
                }

                // A save in between (the next action) may have brought new effects: the next round runs them.
                current = await orders.CompleteEffectsAsync(current, done, ct);
                continue;
            }

            var latest = current;

            // The round's timers in one request: a save often sets a reminder and a deadline together.
            var timersToSet = runnable.OfType<ScheduleTimer>().ToList();
            if (timersToSet.Count > 0)
            {
                await timers.ScheduleAsync(timersToSet, ct);
                foreach (var timer in timersToSet)
                {
                    signal.TimerSet(timer.DueAt);
                    done.Add(timer.Key);
                }
            }

            // A dispatch saves the order: run it last, so its save can drop what the round did and spare the round's own
            // outbox write.
            foreach (var effect in runnable.Where(e => e is not ScheduleTimer).OrderBy(e => e is FindCandidate))
            {
                latest = await RunAsync(current.State, latest, effect, done, deferFollowUps, ct) ?? latest;
                done.Add(effect.Key);
            }

            current = deferFollowUps ? latest : await orders.CompleteEffectsAsync(latest, done, ct);
        }

        return current;
    }

    /// <summary>Runs one effect other than a timer (the round sets those in one batch); answers the order as saved when the
    /// effect saved it (a dispatch), else null.</summary>
    private async Task<StoredOrder?> RunAsync(OrderState state, StoredOrder latest, OrderEffect effect, IReadOnlySet<string> done, bool onRequestPath, CancellationToken ct)
    {
        switch (effect)
        {
            case FindCandidate find:
                // Saved without the effects already done (this one included): they need no second write to leave the outbox.
                return await DispatchAsync(state, latest with { Outbox = latest.Outbox.RemoveAll(e => done.Contains(e.Key) || e.Key == find.Key) }, find, onRequestPath, ct);
            case SendOffer offer:
                await assignments.SendAsync(offer, cancellationToken: ct);
                signal.Raise();
                break;
            case WithdrawOffer withdraw:
                await notifier.WithdrawAsync(withdraw, ct);
                break;
            case Notify notify:
                await notifier.NotifyAsync(notify, latest.Resident, ct);
                break;
            case RecordService record:
                if (await records.AddAsync(record.Record, ct))
                {
                    logger.LogInformation("Service record {RecordId}: {Hours} h for member {MemberId}",
                        record.Record.RecordId, record.Record.Hours, record.Record.MemberId);
                }

                break;
            case Escalate escalate:
                await notifier.EscalateAsync(escalate, ct);
                break;
            case DropTimers drop:
                await timers.DropAsync(drop.Timers, ct);
                break;
            case ProjectViews project:
                // The order as it is now, which is at least the projected save's version.
                await projector.ProjectCurrentAsync(state, project.PreviousOffer, ct);
                break;
            default:
                throw new InvalidOperationException($"No runner for effect {effect.GetType().Name}.");
        }

        return null;
    }

    /// <summary>Answers <see cref="FindCandidate"/> with the matching policy. A stale request (the order
    /// moved on) is dropped by the decider.</summary>
    private async Task<StoredOrder?> DispatchAsync(OrderState state, StoredOrder latest, FindCandidate find, bool onRequestPath, CancellationToken ct)
    {
        if (state.Status != OrderStatus.Placed || state.Attempt + 1 != find.Attempt)
        {
            return null;
        }

        if (onRequestPath)
        {
            // The open assignments are projected rows: count the ones earlier actions' follow-ups are still writing. (Not
            // from a follow-up itself, which would wait for its own run.)
            await followUps.LoadSettledAsync(ct);
        }

        var answer = await dispatcher.AnswerAsync(state, find, clock.GetUtcNow(), ct);
        var (saved, decision) = await workflow.ApplyAsync(state.OrderId, answer, ct, latest);
        if (decision is Decision.Changed && answer is CandidateFound found)
        {
            logger.LogInformation("Order {OrderId} attempt {Attempt}: offering to member {MemberId} ({Reason})",
                state.OrderId, find.Attempt, found.MemberId, found.Reason.Explain());
        }
        else if (decision is Decision.Changed)
        {
            logger.LogWarning("Order {OrderId}: no member left to offer it to; escalated", state.OrderId);
        }

        return saved;
    }
}
