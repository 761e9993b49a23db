using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Core.Hours;
using Dispatch.Core.Matching;

namespace Dispatch.Core.Orders;

/// <summary>What the host must do after a decision. Effects carry ids only, never residents' details,
/// and each has a natural key so the host can run it more than once with one outcome.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FindCandidate), "findCandidate")]
[JsonDerivedType(typeof(SendOffer), "sendOffer")]
[JsonDerivedType(typeof(WithdrawOffer), "withdrawOffer")]
[JsonDerivedType(typeof(ScheduleTimer), "scheduleTimer")]
[JsonDerivedType(typeof(Notify), "notify")]
[JsonDerivedType(typeof(RecordService), "recordService")]
[JsonDerivedType(typeof(Escalate), "escalate")]
[JsonDerivedType(typeof(ProjectViews), "projectViews")]
[JsonDerivedType(typeof(DropTimers), "dropTimers")]
public abstract record OrderEffect
{
    /// <summary>Unique per order: hosts use it as the idempotency key for the effect.</summary>
    public abstract string Key { get; }
}

/// <summary>Run the matching policy for the order, leaving out <see cref="Excluded"/>, and answer with
/// <see cref="CandidateFound"/> or <see cref="NoCandidateLeft"/>.</summary>
public sealed record FindCandidate(string OrderId, int Attempt, ImmutableArray<string> Excluded) : OrderEffect
{
    public override string Key => $"find-{Attempt}";
}

public sealed record SendOffer(string OrderId, string MemberId, int Attempt, DateTimeOffset Deadline, MatchReason Reason)
    : OrderEffect
{
    public override string Key => $"offer-{Attempt}";
}

/// <summary>Tell a member an offer they hold is no longer theirs (claimed, cancelled, re-dispatched).</summary>
public sealed record WithdrawOffer(string OrderId, string MemberId, int Attempt) : OrderEffect
{
    public override string Key => $"withdraw-{Attempt}";
}

public sealed record ScheduleTimer(string OrderId, TimerKind Kind, int Round, DateTimeOffset DueAt) : OrderEffect
{
    public override string Key => $"timer-{Kind}-{Round}";
}

public enum Recipient
{
    Resident,
    Member,
    Organizers,
}

public enum NoticeKind
{
    OrderReceived,
    OfferReminder,
    OfferExpired,
    OfferWithdrawn,
    OrderAccepted,
    ConfirmRequested,
    ConfirmReminder,
    ServiceConfirmed,
    ServiceReopened,
    OrderCancelled,
    Escalated,

    /// <summary>Reminder to the member: the service is tomorrow.</summary>
    ServiceTomorrow,

    /// <summary>Reminder to the member: the service is in about an hour.</summary>
    ServiceSoon,

    /// <summary>Quarterly nudge to a member behind the annual quota; text lists progress and suggested wishes.</summary>
    QuotaNudge,

    /// <summary>The organizers' morning list of escalated orders; text lists the order ids.</summary>
    EscalationDigest,

    /// <summary>To the organizers: the order is stuck because storage or messaging keeps failing; the
    /// system retries on its own and says so when it resumes.</summary>
    OrderStalled,

    /// <summary>To the organizers: a stalled order runs again.</summary>
    OrderResumed,
}

/// <summary>A notice through the notifier port. <see cref="MemberId"/> is set when the recipient is a member.</summary>
public sealed record Notify(string OrderId, Recipient Recipient, NoticeKind Notice, string? MemberId, string Round)
    : OrderEffect
{
    public override string Key => $"notify-{Recipient}-{Notice}-{MemberId}-{Round}";
}

public sealed record RecordService(ServiceRecord Record) : OrderEffect
{
    public override string Key => "record";
}

public enum EscalationReason
{
    NoCandidate,
    TooManyAttempts,
    ConfirmationOverdue,
}

public sealed record Escalate(string OrderId, string CommunityId, EscalationReason Reason, int Round) : OrderEffect
{
    public override string Key => $"escalate-{Reason}-{Round}";
}

/// <summary>Never decided: the local host adds it to the outbox in the same save as the order, so the
/// organizer list and the inboxes are brought up to the order even when the host dies right after the save
/// (the outbox sweeper runs it then). <see cref="PreviousOffer"/> is the member who held the offer before
/// this save, whose inbox row must leave "offered".</summary>
public sealed record ProjectViews(string OrderId, int Version, string? PreviousOffer) : OrderEffect
{
    public override string Key => $"project-{Version}";
}

/// <summary>Never decided: the local host adds it to the outbox in the save that made <see cref="Timers"/> needless
/// (<see cref="PendingTimers.Superseded"/>), so its timers table holds the timers orders still need, not the offers'
/// deadlines of every order accepted today. The Azure host drops such timers in the orchestration.</summary>
public sealed record DropTimers(string OrderId, int Version, ImmutableArray<ScheduleTimer> Timers) : OrderEffect
{
    public override string Key => $"drop-timers-{Version}";
}
