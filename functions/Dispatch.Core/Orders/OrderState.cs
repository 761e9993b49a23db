using System.Collections.Immutable;
using Dispatch.Core.Hours;
using Dispatch.Core.Matching;

namespace Dispatch.Core.Orders;

/// <summary>The offer a member currently holds.</summary>
public sealed record Offer(string MemberId, int Attempt, DateTimeOffset OfferedAt, DateTimeOffset Deadline, MatchReason Reason);

/// <summary>An order's state as the decider sees it: ids and facts, no personal details.</summary>
public sealed record OrderState(
    string OrderId,
    OrderRequest Request,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    int Version,
    int Attempt,
    Offer? Offer,
    string? MemberId,
    ImmutableArray<string> Excluded,
    ServiceHours? Hours,
    DateTimeOffset? DoneAt,
    int ConfirmRound,
    bool AwaitingOrganizerConfirmation,
    EscalationReason? Escalation,
    int? Rating)
{
    public static OrderState Start(string orderId, OrderRequest request, DateTimeOffset now) => new(
        orderId, request, OrderStatus.Placed, now, Version: 0, Attempt: 0, Offer: null, MemberId: null,
        Excluded: [], Hours: null, DoneAt: null, ConfirmRound: 0, AwaitingOrganizerConfirmation: false,
        Escalation: null, Rating: null);

    /// <summary>The readable reference (<c>HB-20261130-0042</c>), set once when the order is placed.</summary>
    public string? Reference { get; init; }

    /// <summary>Set while a non-urgent order waits for quiet hours to end before it is offered: when it will be.</summary>
    public DateTimeOffset? OfferFrom { get; init; }

    public bool IsTerminal => Status.IsTerminal();
}
