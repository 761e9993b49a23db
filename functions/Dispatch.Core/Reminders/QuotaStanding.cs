namespace Dispatch.Core.Reminders;

/// <summary>A member's progress on the annual quota this year, with the grid used to suggest wishes.</summary>
public sealed record QuotaStanding(string MemberId, string GridId, int Wishes, int Posts);

/// <summary>A wish open on the board, as a suggestion to a member of its grid.</summary>
public sealed record OpenWish(string OrderId, string GridId, DateTimeOffset PlacedAt);
