namespace Dispatch.Core.Api;

/// <summary>Routes of the member registry (报到登记): organizers add, edit, deactivate and reactivate members, and
/// decide on self-registrations made through the community's registration link.</summary>
public static class RegistryRoutes
{
    /// <summary>POST (organizer): add a member to the organizer's community. GET is <see cref="Routes.OrganizerMembers"/>.</summary>
    public const string Members = Routes.OrganizerMembers;

    /// <summary>PUT (organizer): replace a member's name, phone, grid, building, skills and availability.</summary>
    public const string Member = "/api/organizer/members/{memberId}";

    /// <summary>PUT (organizer) <c>{active}</c>: deactivate or reactivate a member.</summary>
    public const string MemberActive = "/api/organizer/members/{memberId}/active";

    /// <summary>POST (organizer), body text/csv or XLSX: check an import file; nothing is stored.</summary>
    public const string ImportPreview = "/api/organizer/members/import/preview";

    /// <summary>POST (organizer), body text/csv or XLSX, <c>?skip=&amp;take=</c> optional: add the file's valid rows (or that
    /// slice of them) whose phone is new here (keyed by phone).</summary>
    public const string Import = "/api/organizer/members/import";

    /// <summary>GET (organizer): the community's members as CSV in the import's columns (export → import changes nothing).</summary>
    public const string ExportCsv = "/api/organizer/members/export.csv";

    /// <summary>GET (organizer): the same as an XLSX workbook.</summary>
    public const string ExportXlsx = "/api/organizer/members/export.xlsx";

    /// <summary>GET (organizer): the community's registration link, with a QR code to print.</summary>
    public const string RegistrationLink = "/api/organizer/registration-link";

    /// <summary>GET (organizer) <c>?status=</c>: the community's registrations, pending first.</summary>
    public const string Registrations = "/api/organizer/registrations";

    /// <summary>POST (organizer): approve a pending registration; the member is active at once.</summary>
    public const string Approve = "/api/organizer/registrations/{registrationId}/approve";

    /// <summary>POST (organizer) <c>{reason}</c>: reject a pending registration.</summary>
    public const string Reject = "/api/organizer/registrations/{registrationId}/reject";

    /// <summary>GET (registration link): the community with its grids and buildings. POST: register (在职党员报到).</summary>
    public const string Register = "/api/register";

    /// <summary>GET (the applicant's link): the status of one registration.</summary>
    public const string Registration = "/api/register/{registrationId}";

    public static string MemberOf(string memberId) => Member.Replace("{memberId}", Uri.EscapeDataString(memberId), StringComparison.Ordinal);

    public static string MemberActiveOf(string memberId) => MemberActive.Replace("{memberId}", Uri.EscapeDataString(memberId), StringComparison.Ordinal);

    public static string ApproveOf(string registrationId) => Approve.Replace("{registrationId}", Uri.EscapeDataString(registrationId), StringComparison.Ordinal);

    public static string RejectOf(string registrationId) => Reject.Replace("{registrationId}", Uri.EscapeDataString(registrationId), StringComparison.Ordinal);

    public static string RegistrationOf(string registrationId) => Registration.Replace("{registrationId}", Uri.EscapeDataString(registrationId), StringComparison.Ordinal);

    /// <summary>The registration page: the community's link, or an applicant's link with their registration id.</summary>
    public static string RegisterPage(string token, string? registrationId = null) =>
        registrationId is null
            ? $"/register.html?t={Uri.EscapeDataString(token)}"
            : $"/register.html?r={Uri.EscapeDataString(registrationId)}&t={Uri.EscapeDataString(token)}";
}
