using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace Dispatch.Functions.Assignments;

// The one file that needs Microsoft.Azure.Functions.Worker.Extensions.ServiceBus: left out of a build with
// -p:DispatchServiceBusTrigger=false (see Dispatch.Functions.csproj). Everything it calls compiles always.

/// <summary>The Service Bus trigger: hands each offer message to <see cref="AssignmentConsumer"/>, which
/// settles it through the host's message actions (auto-complete is off) and schedules retries on the
/// queue's sender.</summary>
public sealed class AssignmentTrigger(AssignmentConsumer consumer, ServiceBusSender queue)
{
    public const string Name = "AssignmentReceived";

    [Function(Name)]
    public Task Run(
        [ServiceBusTrigger("%AssignmentsQueue%", Connection = "ServiceBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken ct) => consumer.HandleAsync(message, new ActionsSettlement(message, actions, queue), ct);

    private sealed class ActionsSettlement(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, ServiceBusSender queue)
        : IAssignmentSettlement
    {
        public Task CompleteAsync(CancellationToken ct) => actions.CompleteMessageAsync(message, ct);

        public Task DeadLetterAsync(string reason, string description, CancellationToken ct) =>
            actions.DeadLetterMessageAsync(message, deadLetterReason: reason, deadLetterErrorDescription: description, cancellationToken: ct);

        public Task AbandonAsync(CancellationToken ct) => actions.AbandonMessageAsync(message, cancellationToken: ct);

        public Task ScheduleAsync(ServiceBusMessage copy, DateTimeOffset at, CancellationToken ct) => queue.ScheduleMessageAsync(copy, at, ct);
    }
}
