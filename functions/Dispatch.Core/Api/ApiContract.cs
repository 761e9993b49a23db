using Dispatch.Core.Reports;

namespace Dispatch.Core.Api;

/// <summary>Every (method, route) of the HTTP API, which both hosts must serve: a test of each host compares
/// what it maps with this list, so a route cannot exist on one host only. To add a route, add it here (and its
/// constant), then the use case in Dispatch.App, the local endpoint and the Azure function.</summary>
public static class ApiContract
{
    /// <summary>Liveness, on both hosts. Under "/api/" because the Azure host puts every function there
    /// (host.json routePrefix).</summary>
    public const string Health = "/api/healthz";

    /// <summary>The contract itself as OpenAPI 3.1, the same document on both hosts.</summary>
    public const string OpenApiDocument = "/api/openapi.json";

    /// <summary>The readable reference page. Its assets are served under it by each host its own way (Scalar's
    /// routes on the local host, one function on Azure), so routes under it are compared by this prefix only.</summary>
    public const string ReferencePage = "/api/docs";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", Health),
        new("GET", OpenApiDocument),
        new("GET", Routes.Communities),
        new("POST", Routes.Orders),
        new("GET", Routes.Order),
        new("POST", Routes.Cancel),
        new("POST", Routes.Confirm),
        new("POST", Routes.Dispute),
        new("POST", Routes.Accept),
        new("POST", Routes.Decline),
        new("POST", Routes.Claim),
        new("POST", Routes.Hours),
        new("POST", Routes.Dispatch),
        new("PUT", Routes.Photo),
        new("GET", Routes.Photo),
        new("GET", Routes.Inbox),
        new("GET", Routes.MyRecords),
        new("GET", Routes.Board),
        new("GET", Routes.OrganizerOrders),
        new("GET", DeskRoutes.Candidates),
        new("GET", DeskRoutes.History),
        new("POST", DeskRoutes.Contact),
        new("GET", DeskRoutes.ContactLog),
        new("POST", Routes.OrganizerOrders),
        new("GET", Routes.OrganizerMembers),
        new("GET", Routes.OrganizerNotices),
        new("GET", Routes.DeadLetters),
        new("POST", Routes.ResubmitDeadLetter),
        new("GET", ChannelRoutes.MemberChannels),
        new("PUT", ChannelRoutes.MemberChannels),
        new("POST", ChannelRoutes.MemberPush),
        new("DELETE", ChannelRoutes.MemberPush),
        new("GET", ChannelRoutes.OrganizerChannels),
        new("PUT", ChannelRoutes.OrganizerChannels),
        new("POST", ChannelRoutes.OrganizerPush),
        new("DELETE", ChannelRoutes.OrganizerPush),
        new("GET", ChannelRoutes.PushKey),
        new("GET", ChannelRoutes.Deliveries),
        new("POST", PostRoutes.Posts),
        new("GET", PostRoutes.Posts),
        new("POST", PostRoutes.Claim),
        new("POST", PostRoutes.Shifts),
        new("GET", PostRoutes.Tallies),
        new("GET", PostRoutes.MyTally),
        new("GET", PostRoutes.Assessment),
        new("POST", PostRoutes.Freeze),
        new("GET", ReportRoutes.TalliesCsv),
        new("GET", ReportRoutes.TalliesXlsx),
        new("GET", ReportRoutes.Months),
        new("POST", ReportRoutes.MyProofs),
        new("GET", ReportRoutes.MyProof),
        new("GET", ReportRoutes.Proof),
        new("POST", RegistryRoutes.Members),
        new("PUT", RegistryRoutes.Member),
        new("PUT", RegistryRoutes.MemberActive),
        new("POST", RegistryRoutes.ImportPreview),
        new("POST", RegistryRoutes.Import),
        new("GET", RegistryRoutes.ExportCsv),
        new("GET", RegistryRoutes.ExportXlsx),
        new("GET", RegistryRoutes.RegistrationLink),
        new("GET", RegistryRoutes.Registrations),
        new("POST", RegistryRoutes.Approve),
        new("POST", RegistryRoutes.Reject),
        new("GET", RegistryRoutes.Register),
        new("POST", RegistryRoutes.Register),
        new("GET", RegistryRoutes.Registration),
        new("GET", AdminRoutes.Communities),
        new("POST", AdminRoutes.Communities),
        new("PUT", AdminRoutes.Community),
        new("POST", AdminRoutes.Organizers),
        new("POST", OrgTreeRoutes.Grids),
        new("PUT", OrgTreeRoutes.Grid),
        new("POST", OrgTreeRoutes.Buildings),
        new("PUT", OrgTreeRoutes.Building),
        new("PUT", OrgTreeRoutes.MemberHouseholds),
        new("POST", SignInRoutes.Code),
        new("POST", SignInRoutes.Verify),
        new("GET", SignInRoutes.Session),
        new("POST", SignInRoutes.SignOut),
        new("POST", SignInRoutes.ResidentOrders),
        new("POST", PasskeyRoutes.RegisterOptions),
        new("POST", PasskeyRoutes.Register),
        new("POST", PasskeyRoutes.SignInOptions),
        new("POST", PasskeyRoutes.SignIn),
    ];

    /// <summary>Routes the local host alone serves, by design, outside the contract: the demo's links (a demo or
    /// Development host only; the Azure host never seeds demo data) and the old liveness address. Pages and
    /// static files are not API routes at all.</summary>
    public static IReadOnlyList<ApiRoute> LocalOnly { get; } =
    [
        new("GET", "/api/demo/links"),
        new("GET", "/api/demo/codes"),
        new("GET", "/healthz"),
    ];
}

/// <summary>One route of the contract: an HTTP method in capitals and the route template.</summary>
public sealed record ApiRoute(string Method, string Template)
{
    /// <summary>The reference page or one of its assets (<see cref="ApiContract.ReferencePage"/>).</summary>
    public bool IsReferencePage => Method == "GET"
        && (Template == ApiContract.ReferencePage || Template.StartsWith(ApiContract.ReferencePage + "/", StringComparison.Ordinal));

    public override string ToString() => $"{Method} {Template}";
}
