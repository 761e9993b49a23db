namespace Dispatch.Core.Members;

/// <summary>A place in the organization tree: community → grid → building → household.</summary>
public sealed record Location(string CommunityId, string GridId, string BuildingId, string? HouseholdId = null);
