using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>The Storage queue's poison messages as dead letters, named by their poison-queue message id.</summary>
public sealed class PoisonQueueDeadLetters(AssignmentQueue queue) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct) =>
        [.. (await queue.PeekPoisonAsync(max, ct)).Select(View)];

    /// <summary>Among the first <see cref="AssignmentQueue.MaxBatch"/>, the ones the organizers' list shows.</summary>
    public async Task<DeadLetterView?> FindAsync(string id, CancellationToken ct) =>
        (await PeekAsync(AssignmentQueue.MaxBatch, ct)).FirstOrDefault(d => d.Id == id);

    public Task<bool> ResubmitAsync(string id, CancellationToken ct) => queue.ResubmitPoisonAsync(id, ct);

    private static DeadLetterView View(PoisonMessage poison)
    {
        var message = TryRead(poison.Body);
        return new DeadLetterView(poison.Id, message?.OrderId, message?.MemberId, poison.Reason, poison.DequeueCount, poison.At);
    }

    private static AssignmentMessage? TryRead(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<AssignmentMessage>(body, CoreJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
