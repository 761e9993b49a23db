using System.Reflection;
using System.Text;
using Dispatch.Contract.Tests;
using Dispatch.Core.Api;
using Dispatch.Core.Time;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Functions.Tests.Contract;

/// <summary>The contract suite (tests/Contract, shared with the local host's tests) against the Azure host:
/// every request routed to its HTTP function in-process, orchestrations in the Durable test host, storage on
/// Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureContractSuite(AzuriteFixture azurite) : ContractSuite
{
    protected override async Task<IContractHost> StartAsync() => new AzureContractHost(await AzureHost.StartAsync(azurite, AzureHost.SlowPolicy));
}

/// <summary>The router itself: what it does where the suite does not look.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureContractHostTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_route_of_the_contract_reaches_exactly_one_function()
    {
        foreach (var route in ApiContract.All)
        {
            var path = route.Template.Replace("{", "x", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
            Assert.Single(AzureContractHost.Functions, f => f.Method == route.Method && f.Matcher.TryMatch(path, []));
        }
    }

    [Fact]
    public async Task A_path_no_function_serves_answers_404()
    {
        await using var host = new AzureContractHost(await AzureHost.StartAsync(azurite, AzureHost.SlowPolicy));
        Assert.Equal(404, (await host.SendAsync("GET", "/api/nothing/here")).Status);
        Assert.Equal(404, (await host.SendAsync("GET", "/orders")).Status); // outside the routePrefix
        Assert.Equal(404, (await host.SendAsync("DELETE", ApiContract.Health)).Status);
        Assert.Equal(200, (await host.SendAsync("GET", ApiContract.Health + "?probe=1")).Status);
    }
}

/// <summary>The Azure host as an <see cref="IContractHost"/>: a router over its HTTP functions, as the Functions
/// host routes: (method, "/api/" + the [HttpTrigger] Route) matched with ASP.NET Core's route templates, the
/// parameters bound by type and name (the HttpRequest, route values as strings, [DurableClient] the test host's
/// client, the CancellationToken), the function invoked on the instance the app's services create, and its
/// IActionResult written to the response as the worker's ASP.NET Core integration writes it. A request no
/// function matches answers 404, as the Functions host would; a known path with another method answers 404 here
/// too (the Functions host's own answer to that is outside the app and not shown in-process).</summary>
public sealed class AzureContractHost(AzureHost host) : IContractHost
{
    internal sealed record Function(string Name, string Method, TemplateMatcher Matcher, MethodInfo Target, int Parameters);

    /// <summary>Every HTTP function and method; literal routes are tried before routes with parameters.</summary>
    internal static IReadOnlyList<Function> Functions { get; } =
    [
        .. ApiContractTests.HttpFunctions()
            .SelectMany(f => f.Trigger.Methods!.Select(m =>
            {
                var template = TemplateParser.Parse("api/" + f.Trigger.Route);
                return new Function(f.Name, m.ToUpperInvariant(), new TemplateMatcher(template, Defaults(template)), f.Method, template.Parameters.Count);
            }))
            .OrderBy(f => f.Parameters),
    ];

    public string CommunityId => AzureHost.CommunityId;

    // m1 is in the orders' building, so it is offered first; m2 (same grid) and m3 (same community) are spare.
    public string SpareMemberId => "m2";

    public string OtherMemberId => "m3";

    public DateOnly Today => ChinaTime.DateOf((host.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow());

    public object Form(string kind = "Service", string category = "Repair") => AzureHost.Form(kind: kind, category: category);

    public string MemberToken(string memberId) => host.MemberToken(memberId);

    public string OrganizerToken() => host.OrganizerToken();

    public string GridOrganizerToken(string gridId) => host.Links.OrganizerToken("org-grid", CommunityId, gridId);

    public string AdministratorToken() => host.Links.AdministratorToken("admin1");

    public Task SettleAsync() => Task.CompletedTask;

    public async Task<ContractAnswer> SendAsync(string method, string pathAndQuery, string? token = null, string? jsonBody = null,
        IReadOnlyDictionary<string, string>? headers = null, RawBody? raw = null)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        RouteValueDictionary values = [];
        var function = Functions.FirstOrDefault(f => f.Method == method && f.Matcher.TryMatch(path, values = []));
        if (function is null)
        {
            return new ContractAnswer(404, "", [], new Dictionary<string, string>());
        }

        var http = new DefaultHttpContext { RequestServices = new WorkerServices(host.Services) };
        var request = http.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("func.example");
        request.Path = path;
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        foreach (var (name, value) in values)
        {
            request.RouteValues[name] = value;
        }

        raw ??= jsonBody is null ? null : new RawBody(Encoding.UTF8.GetBytes(jsonBody), "application/json; charset=utf-8");
        if (raw is not null)
        {
            request.Body = new MemoryStream(raw.Bytes);
            request.ContentLength = raw.Bytes.Length;
            request.ContentType = raw.ContentType;
        }

        if (token is not null)
        {
            request.Headers.Authorization = "Bearer " + token;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        var arguments = function.Target.GetParameters().Select(p => Bind(p, request, values)).ToArray();
        var target = function.Target.IsStatic ? null : host.Services.GetRequiredService(function.Target.DeclaringType!);
        var result = await (Task<IActionResult>)function.Target.Invoke(target, arguments)!;

        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(values), new ActionDescriptor()));
        var answerHeaders = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ContractAnswer(http.Response.StatusCode, http.Response.ContentType ?? "", body.ToArray(), answerHeaders);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private object? Bind(ParameterInfo parameter, HttpRequest request, RouteValueDictionary values) =>
        parameter.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => request,
            var t when t == typeof(CancellationToken) => CancellationToken.None,
            var t when t == typeof(DurableTaskClient) && parameter.GetCustomAttribute<DurableClientAttribute>() is not null => host.Client,
            var t when t == typeof(string) => values.TryGetValue(parameter.Name!, out var value) ? value?.ToString() : null,
            _ => throw new NotSupportedException($"{parameter.Member.Name}: no binding for parameter {parameter.Name} ({parameter.ParameterType}); teach the router."),
        };

    private static RouteValueDictionary Defaults(RouteTemplate template) =>
        new(template.Parameters.Where(p => p.DefaultValue is not null).ToDictionary(p => p.Name!, p => p.DefaultValue));

    /// <summary>The app's services, plus what the worker's ASP.NET Core integration brings to write a
    /// <see cref="ContentResult"/> (MVC's executor, which the app itself does not register).</summary>
    private sealed class WorkerServices(IServiceProvider app) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IActionResultExecutor<ContentResult>) ? ContentWriter.Instance : app.GetService(serviceType);
    }

    private sealed class ContentWriter : IActionResultExecutor<ContentResult>
    {
        public static ContentWriter Instance { get; } = new();

        public async Task ExecuteAsync(ActionContext context, ContentResult result)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = result.StatusCode ?? 200;
            if (result.ContentType is not null)
            {
                response.ContentType = result.ContentType;
            }

            if (result.Content is not null)
            {
                await response.WriteAsync(result.Content);
            }
        }
    }
}
