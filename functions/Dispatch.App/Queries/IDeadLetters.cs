using Dispatch.Core.Api;

namespace Dispatch.App.Queries;

/// <summary>Offers that could not be delivered: the Storage queue's poison queue locally, the Service Bus
/// dead-letter queue in Azure. Organizers see the ones of their community and can send one again.</summary>
public interface IDeadLetters
{
    Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct);

    /// <summary>The dead letter with this id (<see cref="DeadLetterView.Id"/>), or null when there is none (any more).</summary>
    Task<DeadLetterView?> FindAsync(string id, CancellationToken ct);

    /// <summary>Puts the offer back on the assignment queue as a fresh message, then removes the dead letter.
    /// False when it was not there to take: gone, or held by another request at this moment.</summary>
    Task<bool> ResubmitAsync(string id, CancellationToken ct);
}
