using System.Text.Json.Serialization;
using Dispatch.Core.Hours;
using Dispatch.Core.Matching;

namespace Dispatch.Core.Orders;

/// <summary>Everything that can happen to an order, from residents, members, organizers, the
/// dispatcher and timers. The decider accepts or rejects each one.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OrderPlaced), "placed")]
[JsonDerivedType(typeof(CandidateFound), "candidateFound")]
[JsonDerivedType(typeof(NoCandidateLeft), "noCandidateLeft")]
[JsonDerivedType(typeof(HandDispatched), "handDispatched")]
[JsonDerivedType(typeof(OfferAccepted), "accepted")]
[JsonDerivedType(typeof(OfferDeclined), "declined")]
[JsonDerivedType(typeof(WishClaimed), "claimed")]
[JsonDerivedType(typeof(HoursReported), "hoursReported")]
[JsonDerivedType(typeof(ServiceConfirmed), "confirmed")]
[JsonDerivedType(typeof(ServiceDisputed), "disputed")]
[JsonDerivedType(typeof(OrderCancelled), "cancelled")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
public abstract record OrderEvent
{
    public abstract Actor Actor { get; }
}

/// <param name="Reference">The readable reference (HB-20261130-0042) the place use case assigned; null for orders
/// placed before references existed.</param>
public sealed record OrderPlaced(string OrderId, OrderRequest Request, string? Reference = null) : OrderEvent
{
    public override Actor Actor => Request.PlacedBy is { } organizer ? Actor.Organizer(organizer) : Actor.Resident;
}

/// <summary>The dispatcher ran the matching policy and picked this member.</summary>
public sealed record CandidateFound(string MemberId, MatchReason Reason) : OrderEvent
{
    public override Actor Actor => Actor.System;
}

/// <summary>The dispatcher found nobody eligible who has not already declined or let it expire.</summary>
public sealed record NoCandidateLeft : OrderEvent
{
    public override Actor Actor => Actor.System;
}

public sealed record HandDispatched(string OrganizerId, string MemberId) : OrderEvent
{
    public override Actor Actor => Actor.Organizer(OrganizerId);
}

public sealed record OfferAccepted(string MemberId) : OrderEvent
{
    public override Actor Actor => Actor.Member(MemberId);
}

public sealed record OfferDeclined(string MemberId, string? Reason = null) : OrderEvent
{
    public override Actor Actor => Actor.Member(MemberId);
}

/// <summary>认领: a member takes a wish from the board; the first claim wins.</summary>
public sealed record WishClaimed(string MemberId) : OrderEvent
{
    public override Actor Actor => Actor.Member(MemberId);
}

public sealed record HoursReported(string MemberId, ServiceHours Hours) : OrderEvent
{
    public override Actor Actor => Actor.Member(MemberId);
}

/// <summary>The resident (or, when they do not, an organizer) confirms the service; rating 1–5 optional.</summary>
/// <param name="Reason">Why an organizer confirmed for the resident (free text: the local host keeps it here and erases
/// it with the resident's details; the Azure host keeps it beside the order instead).</param>
public sealed record ServiceConfirmed(ConfirmedBy By, string? OrganizerId = null, int? Rating = null, string? Reason = null) : OrderEvent
{
    public override Actor Actor => By == ConfirmedBy.Organizer ? Actor.Organizer(OrganizerId ?? "?") : Actor.Resident;
}

/// <summary>The resident says the service was not done: the order goes back to the member.</summary>
public sealed record ServiceDisputed(string? Reason = null) : OrderEvent
{
    public override Actor Actor => Actor.Resident;
}

public sealed record OrderCancelled(string? Reason = null) : OrderEvent
{
    public override Actor Actor => Actor.Resident;
}

/// <summary>A durable timer came due. <see cref="Round"/> ties it to the offer attempt or confirmation
/// round that scheduled it, so a late or duplicate timer is recognised as stale.</summary>
public sealed record TimerFired(TimerKind Kind, int Round) : OrderEvent
{
    public override Actor Actor => Actor.System;
}
