using Azure.Messaging.ServiceBus;
using Dispatch.Storage;

namespace Dispatch.Functions.Assignments;

/// <summary>How an offer travels on the Service Bus queue: the first send, a retry copy after a storage
/// outage and a resubmitted dead letter all use this one shape.</summary>
public static class OfferMessages
{
    public const string ContentType = "application/json";
    public const string Subject = "offer";

    /// <summary>Application property: how many times a storage outage has put this offer back (0 or absent
    /// on the first send).</summary>
    public const string RetriesProperty = "dispatch-retries";

    /// <summary>The shortest life an offer message gets. Service Bus needs a positive time-to-live, and a
    /// send made at (or, with clocks a little apart, just after) the deadline should still reach the
    /// consumer, whose check against the order decides whether the offer is stale, rather than vanish
    /// in the broker unseen.</summary>
    public static readonly TimeSpan MinTimeToLive = TimeSpan.FromMinutes(1);

    /// <param name="offer">The offer.</param>
    /// <param name="messageId">The id duplicate detection goes by.</param>
    /// <param name="activeAt">When the message becomes receivable (now, or a scheduled retry's time): it lives
    /// until the offer's deadline, and at least <see cref="MinTimeToLive"/>, from then.</param>
    /// <param name="retries">How many retries this copy is (0 for the first send).</param>
    public static ServiceBusMessage Create(AssignmentMessage offer, string messageId, DateTimeOffset activeAt, int retries = 0)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var message = new ServiceBusMessage(AssignmentDelivery.Body(offer))
        {
            MessageId = messageId,
            ContentType = ContentType,
            Subject = Subject,
            TimeToLive = TimeToLive(offer.Deadline, activeAt),
        };
        if (retries > 0)
        {
            message.ApplicationProperties[RetriesProperty] = retries;
        }

        return message;
    }

    public static TimeSpan TimeToLive(DateTimeOffset deadline, DateTimeOffset activeAt)
    {
        var left = deadline - activeAt;
        return left > MinTimeToLive ? left : MinTimeToLive;
    }

    /// <summary>The retry count a received message carries (0 when it is a first send).</summary>
    public static int Retries(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.ApplicationProperties.TryGetValue(RetriesProperty, out var value);
        return value switch
        {
            int retries => retries,
            long retries => (int)Math.Min(retries, int.MaxValue),
            _ => 0,
        };
    }
}
