using Dispatch.Core.Api;

namespace Dispatch.Core.Registry;

/// <summary>What an organizer's decision does to a registration. A decision repeated as it was made changes
/// nothing (null: nothing to write); the other decision on a decided registration is a conflict.</summary>
public static class RegistrationRules
{
    /// <exception cref="ApiProblemException">409 registration-decided when it was rejected.</exception>
    public static Registration? Approve(Registration registration, string memberId, string organizerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.Status switch
        {
            RegistrationStatus.Pending => registration with
            {
                Status = RegistrationStatus.Approved, MemberId = memberId, DecidedBy = organizerId, DecidedAt = now,
            },
            RegistrationStatus.Approved => null,
            _ => throw new ApiProblemException(RegistryProblems.Decided(registration)),
        };
    }

    /// <exception cref="ApiProblemException">409 registration-decided when it was approved.</exception>
    public static Registration? Reject(Registration registration, string reason, string organizerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.Status switch
        {
            RegistrationStatus.Pending => registration with
            {
                Status = RegistrationStatus.Rejected, Reason = reason, DecidedBy = organizerId, DecidedAt = now,
            },
            RegistrationStatus.Rejected => null,
            _ => throw new ApiProblemException(RegistryProblems.Decided(registration)),
        };
    }

    /// <summary>A rejected applicant may register again with the same phone: the registration is pending again
    /// with the new details. A pending or approved one is answered as it is.</summary>
    public static Registration? Resubmit(Registration existing, MemberDetails details, string? pledge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.Status == RegistrationStatus.Rejected
            ? new Registration(existing.RegistrationId, details, pledge, RegistrationStatus.Pending, now)
            : null;
    }

    /// <summary>The reason a rejection needs: what the applicant reads.</summary>
    /// <exception cref="ApiProblemException">Validation on "reason".</exception>
    public static string RejectionReason(RejectRequest? body) =>
        FreeText.Reason(body?.Reason) ?? throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
        {
            ["reason"] = ["请填写不通过的原因，申请人会看到。 A reason is required: the applicant reads it."],
        }));
}
