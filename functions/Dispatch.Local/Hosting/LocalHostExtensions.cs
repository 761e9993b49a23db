using Dispatch.App.Admin;
using Dispatch.App.Hosting;
using Dispatch.App.SignIn;
using Dispatch.App.Tallies;
using Dispatch.Core.Api;
using Dispatch.Local.Admin;
using Dispatch.Local.Channels;
using Dispatch.Local.Contract;
using Dispatch.Local.Demo;
using Dispatch.Local.Members;
using Dispatch.Local.Orders;
using Dispatch.Local.OrgTree;
using Dispatch.Local.Photos;
using Dispatch.Local.Organizers;
using Dispatch.Local.Posts;
using Dispatch.Local.Registry;
using Dispatch.Local.Reminders;
using Dispatch.Local.Reports;
using Dispatch.Local.SignIn;
using Dispatch.Local.Tallies;
using Dispatch.Local.Timers;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

public static class LocalHostExtensions
{
    /// <summary>Everything the local host needs: storage on Azurite, the decider, the workflow, the loops.</summary>
    public static WebApplicationBuilder AddDispatchLocal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(RequestSizeLimits.RaiseKestrelCeilings);
        var demo = DemoMode.Of(builder.Configuration, builder.Environment);
        services.AddSingleton(demo);
        if (demo.IsOn)
        {
            // Codes go to an in-memory outbox the demo shows at /api/demo/codes instead of an SMS provider.
            services.AddSingleton<CodeOutbox>();
            services.AddSingleton<ISignInCodeSender>(sp => sp.GetRequiredService<CodeOutbox>());
        }

        services.AddOptions<DispatchOptions>().Bind(builder.Configuration.GetSection("Dispatch")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection("Storage"));
        services.TryAddTimeProvider();
        services.AddSingleton(sp => new StorageAccount(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        // One process writes every open-order row: it keeps the open assignments the dispatcher weighs in memory.
        services.AddSingleton<OpenAssignmentMemory>();
        services.AddSingleton(sp => new OrderIndex(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<OpenAssignmentMemory>()));
        // … and every member row: the rosters its writes have not touched since it read them need no version read.
        services.AddSingleton<RosterWrites>();
        services.AddSingleton(sp => new MemberStore(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<RosterWrites>()));
        services.AddDispatchApp(builder.Configuration, allowDemoKey: demo.IsOn);

        services.AddSingleton(sp => new TimerStore(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton(sp => new OutboxMarkers(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OrderWorkflow>();
        services.AddSingleton<EffectRunner>();
        services.AddSingleton<FollowUpTracker>();
        services.AddSingleton<DeferredEffects>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredEffects>());
        services.AddSingleton<IOrderEngine, LocalOrderEngine>();
        services.AddSingleton<TimerPump>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<ProjectionRepair>();
        services.AddSingleton<ReminderJob>();
        services.AddTallies();
        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<AdministratorBootstrap>(); // after DemoSeeder, which creates the tables
        services.AddHostedService<SharedRecordsMove>();
        services.AddHostedService<BackgroundLoops>();
        services.AddHostedService<OfferDeliveryLoop>();

        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddDispatchRateLimits();
        services.AddExceptionHandler<ProblemHandler>();
        services.AddProblemDetails();
        services.AddContractOpenApi();
        services.AddDispatchCompression();
        return builder;
    }

    public static WebApplication MapDispatchLocal(this WebApplication app)
    {
        app.UseRequestSizeLimits();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        // A bare 4xx/5xx the framework answered itself (404, 405 with its Allow header, 415…) keeps its status
        // and gets a problem body.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await ProblemHandler.WriteAsync(http, App.Problems.Problems.ForStatus(http.Response.StatusCode), http.RequestAborted);
            }
        });
        app.UseRouting();
        app.UseRouteValueGuard();
        app.UseRateLimiter();
        app.UseFollowUpsFirst();
        app.UseDispatchStaticFiles();
        // The contract's routes, in one group so the OpenAPI names, summaries and problems come from one table.
        var contract = app.MapGroup("").WithContractMetadata();
        contract.MapOrders();
        contract.MapPhotos();
        contract.MapMembers();
        contract.MapOrganizer();
        contract.MapDesk();
        contract.MapPosts();
        contract.MapTallies();
        contract.MapReports();
        contract.MapRegistry();
        contract.MapAdmin();
        contract.MapOrgTree();
        contract.MapSignIn();
        contract.MapChannels();
        contract.MapGet(ApiContract.Health, Health.Check);
        app.MapContractOpenApi();
        app.MapDemo();
        app.MapGet("/healthz", Health.Check).ExcludeFromDescription(); // the address before the contract put it under /api/ (ApiContract.LocalOnly)
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
