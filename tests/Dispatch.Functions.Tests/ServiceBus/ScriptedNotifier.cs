using Dispatch.App.Notices;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Functions.Tests.ServiceBus;

/// <summary>A notifier whose offer deliveries fail as scripted (one queued failure per call) and otherwise
/// record the offer: the member's inbox as far as the consumer can tell.</summary>
public sealed class ScriptedNotifier : INotifier
{
    private readonly Queue<Exception> _failures = new();

    public List<AssignmentMessage> Delivered { get; } = [];

    public void FailNext(params Exception[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    public Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct)
    {
        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Delivered.Add(offer);
        return Task.CompletedTask;
    }

    public Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct) => Task.CompletedTask;

    public Task NotifyAsync(Notify notify, CancellationToken ct) => Task.CompletedTask;

    public Task EscalateAsync(Escalate escalate, CancellationToken ct) => Task.CompletedTask;
}
