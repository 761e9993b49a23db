namespace Dispatch.Core.Api;

/// <summary>An organizer's new post. Dates are China calendar dates ("2026-03-01").</summary>
public sealed record CreatePostRequest(
    string? TitleZh,
    string? Description,
    int? Capacity,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Category = null);

/// <summary>An organizer records that a member served a shift on the post.</summary>
public sealed record ShiftRequest(string? MemberId, DateOnly? Date, decimal? Hours);

/// <summary>A post as organizers and members see it. <see cref="ClaimedByMe"/> and <see cref="MyShifts"/> (the
/// shifts credited to the member on a post they claimed, by date) are null for organizers.</summary>
public sealed record PostView(
    string PostId,
    string TitleZh,
    string? Description,
    string Category,
    int Capacity,
    int Taken,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int QuotaYear,
    bool? ClaimedByMe,
    IReadOnlyList<string>? ClaimedBy = null,
    IReadOnlyList<MyShiftView>? MyShifts = null);

/// <summary>One day's shift on a post credited to the member: the date and its hours (corrections included).</summary>
public sealed record MyShiftView(DateOnly Date, decimal Hours);

public sealed record PostClaimResponse(string PostId, string MemberId, int Place, int QuotaYear, DateTimeOffset ClaimedAt);

/// <summary><see cref="Credited"/> is false when that member's shift on that date was already recorded.</summary>
public sealed record ShiftResponse(string RecordId, string MemberId, DateOnly ServedOn, decimal Hours, bool Credited);
