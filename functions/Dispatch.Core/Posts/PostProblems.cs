using Dispatch.Core.Api;

namespace Dispatch.Core.Posts;

/// <summary>The problems the post endpoints answer with (RFC 9457, same base as <see cref="ApiProblem"/>).</summary>
public static class PostProblems
{
    private const string Base = "https://dispatch.example/problems/";

    public static ApiProblem Full(Post post) =>
        new(409, Base + "post-full", "Every place on this post is taken.", $"All {post.Capacity} places of post {post.PostId} are taken.");

    public static ApiProblem AlreadyClaimed(string postId) =>
        new(409, Base + "already-claimed", "You already hold a place on this post.", $"A member claims post {postId} once.");

    public static ApiProblem NotClaimed(string postId, string memberId) =>
        new(409, Base + "not-claimed", "That member holds no place on this post.", $"Member {memberId} has not claimed post {postId}.");

    public static ApiProblem Ended(Post post) =>
        new(409, Base + "post-ended", "This post's period is over.", $"Post {post.PostId} ran until {post.EndsOn:yyyy-MM-dd}.");

    public static ApiProblem Inactive(string memberId) => ApiProblem.MemberInactive(memberId);
}
