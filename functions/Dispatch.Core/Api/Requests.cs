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
    bool WantsUpdates = false);

public sealed record ReasonRequest(string? Reason);

/// <param name="Reason">Required when an organizer confirms for the resident: why (shown on the timeline).</param>
public sealed record ConfirmRequest(int? Rating, string? Reason = null);

public sealed record HoursRequest(decimal? Hours);

public sealed record DispatchRequest(string? MemberId);
