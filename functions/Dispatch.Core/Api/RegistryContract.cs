namespace Dispatch.Core.Api;

/// <summary>A weekly slot as sent and shown: a day name ("Monday") and hours [fromHour, toHour) in China time.</summary>
public sealed record SlotRequest(string? Day, int? FromHour, int? ToHour);

/// <summary>An organizer's new member or edit. Skills are category names (<c>ServiceCategory</c>); an empty
/// availability means any time.</summary>
public sealed record MemberRequest(
    string? Name,
    string? Phone,
    string? GridId,
    string? BuildingId,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<SlotRequest?>? Availability);

/// <summary>Deactivate (<c>false</c>) or reactivate (<c>true</c>) a member.</summary>
public sealed record ActiveRequest(bool? Active);

/// <summary>A self-registration through the community's registration link, with an optional pledge (承诺).</summary>
public sealed record RegistrationRequest(
    string? Name,
    string? Phone,
    string? GridId,
    string? BuildingId,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<SlotRequest?>? Availability,
    string? Pledge = null);

public sealed record RejectRequest(string? Reason);

/// <summary>A member as organizers manage them.</summary>
public sealed record MemberRecordView(
    string MemberId,
    string Name,
    string Phone,
    string GridId,
    string BuildingId,
    IReadOnlyList<string> Skills,
    IReadOnlyList<SlotView> Availability,
    bool Active);

public sealed record SlotView(string Day, int FromHour, int ToHour);

/// <summary>A registration as organizers see it; <see cref="MemberId"/> once approved, <see cref="Reason"/> once rejected.</summary>
public sealed record RegistrationView(
    string RegistrationId,
    string Status,
    string Name,
    string Phone,
    string GridId,
    string BuildingId,
    IReadOnlyList<string> Skills,
    IReadOnlyList<SlotView> Availability,
    string? Pledge,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? Reason,
    string? MemberId);

/// <summary>What the applicant sees of their own registration: the status and, if rejected, why.</summary>
public sealed record RegistrationStatusView(
    string RegistrationId, string Status, string Name, string CommunityId, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>The answer to a registration: its id, status and the applicant's own link to follow it.</summary>
public sealed record RegistrationReceipt(string RegistrationId, string Status, string StatusUrl, string Token);

/// <summary>One row of an import file as previewed: its row number, who, where, and whether the phone is new here.</summary>
public sealed record ImportRowView(int Row, string Name, string Phone, string GridId, string BuildingId, IReadOnlyList<string> Skills, bool Exists);

/// <summary>What an import file holds (preview) or did (commit): rows read, members new and already here, added
/// (0 in a preview), an error per bad row, and the rows themselves (a preview only, the first 200).</summary>
public sealed record ImportReport(
    int Rows, int New, int Existing, int Added, IReadOnlyList<Registry.ImportError> Errors, IReadOnlyList<ImportRowView>? Preview = null);

/// <summary>The community's registration link for its organizers to hand out: the community, the address, when it
/// stops working, and the same address as a QR code (SVG) to print.</summary>
public sealed record RegistrationLinkView(string CommunityId, string Url, DateTimeOffset ExpiresAt, string QrSvg);
