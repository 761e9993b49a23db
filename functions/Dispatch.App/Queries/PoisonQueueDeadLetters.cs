using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>The Storage queue's poison messages as dead letters.</summary>
public sealed class PoisonQueueDeadLetters(AssignmentQueue queue) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetterView>> PeekAsync(int max, CancellationToken ct)
    {
        var poison = await queue.PeekPoisonAsync(max, ct);
        return [.. poison.Select(p =>
        {
            var message = TryRead(p.Body);
            return new DeadLetterView(message?.OrderId, message?.MemberId, p.Reason, p.DequeueCount, p.At);
        })];
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
