using Dispatch.Core.Api;

namespace Dispatch.Core.Registry;

/// <summary>The problems the registry answers with (RFC 9457, same base as <see cref="ApiProblem"/>).</summary>
public static class RegistryProblems
{
    private const string Base = "https://dispatch.example/problems/";

    /// <summary>A member with this phone is registered in the community already: the answer names them.</summary>
    public static ApiProblem MemberExists(string memberId) => new(
        409, Base + "member-exists", "该手机号已登记为本社区党员。 A member with this phone is already registered here.",
        $"Member {memberId} has this phone number.", ExistingId: memberId);

    /// <summary>Another member already has the phone an edit asks for.</summary>
    public static ApiProblem PhoneTaken(string memberId) => new(
        409, Base + "phone-taken", "该手机号已属于本社区另一名党员。 Another member of this community has this phone.",
        $"Member {memberId} has this phone number.", ExistingId: memberId,
        Errors: new Dictionary<string, string[]> { ["phone"] = ["该手机号已被本社区另一名党员使用。 Another member has this phone."] });

    /// <summary>This phone has a registration here under another name: the applicant's link is not handed out.</summary>
    public static ApiProblem AlreadyRegistered() => new(
        409, Base + "already-registered", "该手机号已提交过报到申请。 This phone has already registered here.",
        "Follow the registration with the link you were given, or ask the community's organizers.");

    public static ApiProblem Decided(Registration registration) => new(
        409, Base + "registration-decided", "该报到申请已处理。 This registration has been decided.",
        $"Registration {registration.RegistrationId} is {registration.Status}.", ExistingId: registration.MemberId);

    /// <summary>An import file that is neither CSV nor XLSX: same type as the hosts' other 415s, with what to send.</summary>
    public static ApiProblem UnsupportedFile() => new(
        415, Base + "unsupported-media-type", "请上传 CSV 或 XLSX 文件。 Send the member list as CSV or XLSX.",
        "Content-Type must be text/csv (UTF-8) or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.");
}
