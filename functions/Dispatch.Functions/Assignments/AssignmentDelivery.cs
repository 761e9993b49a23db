using System.Text.Json;
using Dispatch.App.Notices;
using Dispatch.Core;
using Dispatch.Storage;

namespace Dispatch.Functions.Assignments;

/// <summary>What the assignment queue carries and how a received offer is handed on: shared by the Service
/// Bus trigger and the Storage-queue fallback, and by the tests.</summary>
public sealed class AssignmentDelivery(INotifier notifier)
{
    /// <summary>The message body: ids and the deadline only (<see cref="AssignmentMessage"/>, core JSON).</summary>
    public static string Body(AssignmentMessage message) => JsonSerializer.Serialize(message, CoreJson.Options);

    /// <summary>Service Bus MessageId: one per offer attempt, so duplicate detection drops a resend.</summary>
    public static string MessageId(AssignmentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"{message.OrderId}-{message.Attempt}";
    }

    /// <summary>Reads a body; null with a reason when it cannot be handled (the caller dead-letters it).</summary>
    public static AssignmentMessage? TryRead(string? body, out string? reason)
    {
        reason = null;
        try
        {
            var message = JsonSerializer.Deserialize<AssignmentMessage>(body ?? "", CoreJson.Options);
            if (message is null || string.IsNullOrEmpty(message.OrderId) || string.IsNullOrEmpty(message.MemberId) || message.Attempt < 1)
            {
                reason = "Unreadable: order id, member id or attempt missing.";
                return null;
            }

            return message;
        }
        catch (JsonException e)
        {
            reason = $"Unreadable: {e.Message}";
            return null;
        }
    }

    /// <summary>Delivers the offer (inbox row + notice). Idempotent: a redelivered message changes nothing.</summary>
    public Task DeliverAsync(AssignmentMessage message, CancellationToken ct) => notifier.DeliverOfferAsync(message, ct);
}
