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
    ILogger<OrderActivities> logger)
{
    public const string SaveOrder = "Order_Save";
    public const string FindCandidate = "Order_FindCandidate";
    public const string SendOffer = "Order_SendOffer";
    public const string Notify = "Order_Notify";
    public const string RecordService = "Order_RecordService";

    /// <summary>Writes the decided state to the order entity (with its history row) unless a newer version is
    /// stored, then brings the open-order list and the members' inboxes up to that version (the shared
    /// <see cref="OrderProjector"/>).</summary>
    [Function(SaveOrder)]
    public async Task<string> SaveAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
    {
        var save = Payload.Read<SaveOrderInput>(input);
        var stored = await orders.GetAsync(save.After.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {save.After.OrderId} is not stored; the place function creates it first.");
        if (stored.State.Version <= save.After.Version)
        {
            // Equal: a retry after the entity was written; writing it again also (re)writes the history row.
            await orders.SaveAsync(stored, save.After, save.Event, save.At, [], cancellationToken);
        }

        await projector.ProjectAsync(save.Before, save.After, cancellationToken);
        return "saved";
    }

    /// <summary>Answers <see cref="Dispatch.Core.Orders.FindCandidate"/> with the shared <see cref="Dispatcher"/>
    /// (the matching policy over the community's members, their open assignments and this year's tallies,
    /// posts included), at the orchestration's time.</summary>
    [Function(FindCandidate)]
    public async Task<string> FindCandidateAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
    {
        var find = Payload.Read<FindCandidateInput>(input);
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

        return Payload.Write(answer);
    }

    [Function(SendOffer)]
    public async Task<string> SendOfferAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
    {
        var offer = (SendOffer)Payload.Read<OrderEffect>(input);
        await sender.SendAsync(offer, cancellationToken);
        return "sent";
    }

    [Function(Notify)]
    public async Task<string> NotifyAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
    {
        switch (Payload.Read<OrderEffect>(input))
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
                throw new InvalidOperationException($"{other.GetType().Name} is not a notice.");
        }

        return "notified";
    }

    /// <summary>Credits the hours once: the record id is the order id, a second add changes nothing.</summary>
    [Function(RecordService)]
    public async Task<string> RecordServiceAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
    {
        var record = ((RecordService)Payload.Read<OrderEffect>(input)).Record;
        if (await records.AddAsync(record, cancellationToken))
        {
            logger.LogInformation("Service record {RecordId}: {Hours} h for member {MemberId}", record.RecordId, record.Hours, record.MemberId);
            return "recorded";
        }

        return "already recorded";
    }
}
