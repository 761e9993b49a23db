namespace Dispatch.Core.Registry;

public enum RegistrationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A self-registration (在职党员报到) waiting for, or past, an organizer's decision. Past decisions are
/// kept: an approved one names the member it created, a rejected one the reason.</summary>
public sealed record Registration(
    string RegistrationId,
    MemberDetails Details,
    string? Pledge,
    RegistrationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Reason = null,
    string? MemberId = null)
{
    public string CommunityId => Details.Home.CommunityId;
}
