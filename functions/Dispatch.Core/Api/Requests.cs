namespace Dispatch.Core.Api;

/// <summary>The resident's order form. Strings are checked by <see cref="OrderForm.Validate"/>.</summary>
public sealed record PlaceOrderRequest(
    string? Kind,
    string? Category,
    string? CommunityId,
    string? GridId,
    string? BuildingId,
    string? HouseholdId,
    bool Urgent,
    DateTimeOffset? WantedAt,
    string? Name,
    string? Phone,
    string? Address,
    string? Description,
    bool WantsUpdates = false)
{
    /// <summary>A time slot (today/tomorrow × morning/afternoon/evening) instead of <see cref="WantedAt"/>; null with
    /// no <see cref="WantedAt"/> is "as soon as possible". The server turns it into the slot's start.</summary>
    public WantedRequest? Wanted { get; init; }
}

/// <summary>Day: Today or Tomorrow; part: Morning (08–12), Afternoon (12–18) or Evening (18–21), China time.</summary>
public sealed record WantedRequest(string? Day, string? Part);

public sealed record ReasonRequest(string? Reason);

/// <param name="Reason">Required when an organizer confirms for the resident: why (shown on the timeline).</param>
public sealed record ConfirmRequest(int? Rating, string? Reason = null);

public sealed record HoursRequest(decimal? Hours);

public sealed record DispatchRequest(string? MemberId);
