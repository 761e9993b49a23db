namespace Dispatch.Core.Matching;

public sealed record Candidate(string MemberId, MatchReason Reason);
