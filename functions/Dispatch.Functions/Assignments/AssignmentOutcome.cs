namespace Dispatch.Functions.Assignments;

/// <summary>What the consumer did with one assignment message.</summary>
public enum AssignmentOutcome
{
    /// <summary>Handed to the notifier (or found stale, which the notifier decides) and completed.</summary>
    Delivered,

    /// <summary>A copy is scheduled for later and the message completed: storage was out of reach.</summary>
    RetryScheduled,

    /// <summary>Set aside in the dead-letter sub-queue: unreadable, or storage stayed out of reach.</summary>
    DeadLettered,

    /// <summary>Back on the queue for a normal redelivery (after MaxDeliveryCount, Service Bus dead-letters it).</summary>
    Abandoned,
}
