using Dispatch.Core.Api;

namespace Dispatch.App.Queries;

/// <summary>Offers that could not be delivered: the Storage queue's poison queue locally, the Service Bus
/// dead-letter queue in Azure. Organizers see the ones of their community.</summary>
public interface IDeadLetters
{
    Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct);
}
