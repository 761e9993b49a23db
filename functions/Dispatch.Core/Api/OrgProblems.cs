namespace Dispatch.Core.Api;

/// <summary>The problems of the organization tree and its staff (RFC 9457, same base as <see cref="ApiProblem"/>).</summary>
public static class OrgProblems
{
    private const string Base = "https://dispatch.example/problems/";

    /// <summary>A new community, grid or building asked for an id that is taken: the answer names it.</summary>
    public static ApiProblem PlaceExists(string what, string id) => new(
        409, Base + "place-exists", "该编号已存在。 That id is taken.", $"A {what} with id {id} exists already.", ExistingId: id);

    /// <summary>An organizer with this phone is one of the community's already.</summary>
    public static ApiProblem OrganizerExists(string organizerId) => new(
        409, Base + "organizer-exists", "该手机号已是本社区的组织者。 An organizer of this community has this phone.",
        $"Organizer {organizerId} has this phone number.", ExistingId: organizerId);
}
