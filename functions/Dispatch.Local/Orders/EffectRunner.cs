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
    TimeProvider clock,
    ILogger<EffectRunner> logger)
{
    /// <summary>Bounds the follow-ups of one run (dispatch → offer → …): each round is one outbox.</summary>
    public const int MaxRounds = 16;

    public async Task RunAsync(string orderId, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var stored = await orders.GetAsync(orderId, ct);
            if (stored is null || stored.Outbox.IsEmpty)
            {
                await markers.ClearAsync(orderId, ct);
                return;
            }

            var done = new HashSet<string>();
            foreach (var effect in stored.Outbox)
            {
                await RunAsync(stored.State, effect, ct);
                done.Add(effect.Key);
            }

            var after = await orders.CompleteEffectsAsync(orderId, done, ct);
            if (after is null || after.Outbox.IsEmpty)
            {
                await markers.ClearAsync(orderId, ct);
                return;
            }
        }

        logger.LogWarning("Order {OrderId} still has effects after {Rounds} rounds; the sweeper will continue", orderId, MaxRounds);
    }

    private async Task RunAsync(OrderState state, OrderEffect effect, CancellationToken ct)
    {
        switch (effect)
        {
            case FindCandidate find:
                await DispatchAsync(state, find, ct);
                break;
            case SendOffer offer:
                await assignments.SendAsync(offer, cancellationToken: ct);
                break;
            case WithdrawOffer withdraw:
                await notifier.WithdrawAsync(withdraw, ct);
                break;
            case ScheduleTimer timer:
                await timers.ScheduleAsync(timer, ct);
                break;
            case Notify notify:
                await notifier.NotifyAsync(notify, ct);
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
            case ProjectViews project:
                // The order as it is now, which is at least the projected save's version.
                await projector.ProjectCurrentAsync(state, project.PreviousOffer, ct);
                break;
            default:
                throw new InvalidOperationException($"No runner for effect {effect.GetType().Name}.");
        }
    }

    /// <summary>Answers <see cref="FindCandidate"/> with the matching policy. A stale request (the order
    /// moved on) is dropped by the decider.</summary>
    private async Task DispatchAsync(OrderState state, FindCandidate find, CancellationToken ct)
    {
        if (state.Status != OrderStatus.Placed || state.Attempt + 1 != find.Attempt)
        {
            return;
        }

        var answer = await dispatcher.AnswerAsync(state, find, clock.GetUtcNow(), ct);
        var (_, decision) = await workflow.ApplyAsync(state.OrderId, answer, ct);
        if (decision is Decision.Changed && answer is CandidateFound found)
        {
            logger.LogInformation("Order {OrderId} attempt {Attempt}: offering to member {MemberId} ({Reason})",
                state.OrderId, find.Attempt, found.MemberId, found.Reason.Explain());
        }
        else if (decision is Decision.Changed)
        {
            logger.LogWarning("Order {OrderId}: no member left to offer it to; escalated", state.OrderId);
        }
    }
}
