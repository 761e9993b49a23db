namespace Dispatch.Core.Api;

/// <summary>Routes of volunteer posts (志愿服务岗位), annual tallies and the assessment year. Kept apart
/// from <see cref="Routes"/> so the features can grow without touching the order contract.</summary>
public static class PostRoutes
{
    /// <summary>POST (organizer): create a post. GET (organizer or member): the community's posts.</summary>
    public const string Posts = "/api/posts";

    /// <summary>POST (member): claim a place on the post.</summary>
    public const string Claim = "/api/posts/{postId}/claim";

    /// <summary>POST (organizer): record a member's shift on the post.</summary>
    public const string Shifts = "/api/posts/{postId}/shifts";

    /// <summary>GET (organizer) <c>?year=</c>: live tallies and roll-ups of the organizer's community.</summary>
    public const string Tallies = "/api/tallies";

    /// <summary>GET (member) <c>?year=</c>: the member's own annual tally.</summary>
    public const string MyTally = "/api/members/me/tally";

    /// <summary>GET (organizer): the frozen snapshot of a year and the late corrections against it.</summary>
    public const string Assessment = "/api/assessments/{year}";

    /// <summary>POST (organizer): freeze a past year now; idempotent.</summary>
    public const string Freeze = "/api/assessments/{year}/freeze";

    public static string ClaimOf(string postId) => Claim.Replace("{postId}", Uri.EscapeDataString(postId), StringComparison.Ordinal);

    public static string ShiftsOf(string postId) => Shifts.Replace("{postId}", Uri.EscapeDataString(postId), StringComparison.Ordinal);

    public static string AssessmentOf(int year) => Assessment.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string FreezeOf(int year) => Freeze.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
