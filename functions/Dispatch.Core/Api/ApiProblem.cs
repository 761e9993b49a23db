using Dispatch.Core.Access;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Api;

/// <summary>An RFC 9457 problem, host-neutral: both hosts render it as application/problem+json.
/// <see cref="ExistingId"/> (the "existingId" member) names what a conflict ran into, e.g. the member a repeated add
/// found.</summary>
public sealed record ApiProblem(
    int Status, string Type, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, string? ExistingId = null)
{
    private const string Base = "https://dispatch.example/problems/";

    public static ApiProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, Base + "validation", "The request has invalid fields.", "See errors for each field.", errors);

    public static ApiProblem NotFound(string what) => new(404, Base + "not-found", "Not found.", $"No {what} with that id.");

    public static ApiProblem Unauthorized(InvalidTokenException e) => new(
        e.Failure is TokenFailure.WrongScope or TokenFailure.WrongRole or TokenFailure.WrongPerson ? 403 : 401,
        Base + "token-" + e.Failure.ToString().ToLowerInvariant(),
        "The link is not valid for this.",
        e.Message);

    /// <summary>A lifecycle rejection: the event conflicts with the order's state; nothing changed.</summary>
    public static ApiProblem Rejected(Rejection rejection) => new(
        rejection.Code is RejectionCode.NotYourOffer or RejectionCode.NotAssignee ? 403 : 409,
        Base + KebabCase(rejection.Code.ToString()),
        "The order cannot do that now.",
        rejection.Message);

    /// <summary>A deactivated member takes on no new work (claims, acceptances, hand dispatch, posts).</summary>
    public static ApiProblem MemberInactive(string memberId) =>
        new(403, Base + "member-inactive", "Your membership is not active.", $"Member {memberId} is not active in this community.");

    public static ApiProblem Conflict(string detail) => new(409, Base + "conflict", "Try again.", detail);

    /// <summary>A dead letter whose body names no offer: resubmitting it would only dead-letter it again.</summary>
    public static ApiProblem NotResubmittable(string detail) =>
        new(409, Base + "not-resubmittable", "This undeliverable offer cannot be sent again.", detail);

    /// <summary>The Idempotency-Key was used for another order form: the first order is not shown.</summary>
    public static ApiProblem IdempotencyKeyReused() => new(
        422, Base + "idempotency-key-reused", "This Idempotency-Key was used for a different order.",
        "Send a new Idempotency-Key for a new order; resend the same form to get the first order.");

    private static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>Thrown by endpoints to answer with a problem; hosts map it once.</summary>
public sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
