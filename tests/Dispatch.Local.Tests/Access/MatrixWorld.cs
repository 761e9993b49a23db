using System.Net.Http.Json;
using Dispatch.Core.Api;

namespace Dispatch.Local.Tests.Access;

/// <summary>The resources the matrix calls routes on, all in grid g1 of the demo community "hubin", made through the
/// API as people would, and the link each <see cref="Caller"/> holds.</summary>
public sealed class MatrixWorld
{
    public const string OtherCommunity = "other";

    private MatrixWorld(LocalHostFixture host) => Host = host;

    public LocalHostFixture Host { get; }

    /// <summary>Another order, whose offer link <see cref="Caller.OfferLinkOfAnotherOrder"/> holds.</summary>
    public string OtherOrderId { get; private set; } = "";

    public string OtherOrderResidentToken { get; private set; } = "";

    /// <summary>An active member living in g1.</summary>
    public string MemberInG1 { get; private set; } = "";

    public string PostId { get; private set; } = "";

    public string RegistrationId { get; private set; } = "";

    public string ApplicantToken { get; private set; } = "";

    public string DeadLetterId { get; private set; } = "";

    public int Year => Host.Clock.GetUtcNow().Year;

    public static async Task<MatrixWorld> CreateAsync(LocalHostFixture host)
    {
        var world = new MatrixWorld(host);
        var other = await host.PlaceAsync();
        world.OtherOrderId = other.OrderId;
        world.OtherOrderResidentToken = other.Token;

        var organizer = host.OrganizerToken();
        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, organizer);
        world.MemberInG1 = members.First(m => m.GridId == "g1" && m.Active).MemberId;

        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, organizer,
            new CreatePostRequest("社区巡逻", "每周六上午", 10, new DateOnly(world.Year, 12, 1), new DateOnly(world.Year, 12, 31)));
        world.PostId = post.PostId;

        var receipt = await host.CallAsync<RegistrationReceipt>(HttpMethod.Post, RegistryRoutes.Register, host.Links.RegistrationToken(LocalHostFixture.CommunityId),
            new RegistrationRequest("钱红", "13600000001", "g1", "b1", ["Tutoring"], [], null));
        world.RegistrationId = receipt.RegistrationId;
        world.ApplicantToken = receipt.Token;

        await host.PlaceUndeliverableAsync();
        world.DeadLetterId = (await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, organizer))[0].Id;
        return world;
    }

    /// <summary>A new service order in g1, offered to a member: its resident's link and that member come with it.</summary>
    public async Task<Target> OfferedOrderAsync(string template, object? body = null)
    {
        var placed = await Host.PlaceAsync();
        var offeredTo = (await Host.OpenOrderAsync(placed.OrderId)).OfferedTo;
        return new Target(OrderPath(template, placed.OrderId), body) { ResidentToken = placed.Token, MemberId = offeredTo };
    }

    /// <summary>A new order in g1 accepted by its member, who may now report hours.</summary>
    public async Task<Target> AcceptedOrderAsync(string template, object? body = null)
    {
        var target = await OfferedOrderAsync(template, body);
        var orderId = target.Path.Split('/')[3];
        using var accepted = await Host.SendAsync(HttpMethod.Post, OrderPath(Routes.Accept, orderId), Host.MemberToken(target.MemberId!));
        accepted.EnsureSuccessStatusCode();
        return target;
    }

    /// <summary>A new micro-wish in g1 on the board, which any active member of hubin may claim.</summary>
    public async Task<Target> WishAsync(string template)
    {
        var placed = await Host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false));
        return new Target(OrderPath(template, placed.OrderId)) { ResidentToken = placed.Token };
    }

    /// <summary>The link <paramref name="caller"/> holds for <paramref name="target"/>, or null for <see cref="Caller.None"/>.</summary>
    public string? Token(Caller caller, Target target)
    {
        var links = Host.Links;
        var member = target.MemberId ?? "m005";
        return caller switch
        {
            Caller.None => null,
            Caller.Resident => target.ResidentToken ?? OtherOrderResidentToken,
            Caller.Member => Host.MemberToken(member),
            Caller.OfferLinkOfAnotherOrder => links.OfferToken(OtherOrderId, member, Host.Clock.GetUtcNow().AddHours(1)),
            Caller.Registrant => links.RegistrationToken(LocalHostFixture.CommunityId),
            Caller.Applicant => ApplicantToken,
            Caller.GridOrganizerG1 => links.OrganizerToken("org-chen", LocalHostFixture.CommunityId, "g1"),
            Caller.GridOrganizerG2 => links.OrganizerToken("org-g2", LocalHostFixture.CommunityId, "g2"),
            Caller.CommunityOrganizer => links.OrganizerToken("org-wang", LocalHostFixture.CommunityId),
            Caller.OrganizerOfAnotherCommunity => links.OrganizerToken("org-li", OtherCommunity),
            Caller.Administrator => links.AdministratorToken("admin-zhao"),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
    }

    public static string OrderPath(string template, string orderId) => LocalHostFixture.RouteOf(template, Uri.EscapeDataString(orderId));
}
