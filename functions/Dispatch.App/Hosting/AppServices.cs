using Dispatch.App.Admin;
using Dispatch.App.Channels;
using Dispatch.App.Notices;
using Dispatch.App.Orders;
using Dispatch.App.Photos;
using Dispatch.App.Posts;
using Dispatch.App.Queries;
using Dispatch.App.RateLimiting;
using Dispatch.App.Registry;
using Dispatch.App.Reports;
using Dispatch.App.Retention;
using Dispatch.App.SignedLinks;
using Dispatch.App.SignIn;
using Dispatch.App.Tallies;
using Dispatch.Core;
using Dispatch.Core.Orders;
using Dispatch.Core.Tallies;
using Dispatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Hosting;

public static class AppServices
{
    /// <summary>The stores over the host's <see cref="StorageAccount"/> and the services both hosts share, with
    /// the link-signing key checked on start. The host registers the account and anything it replaces (e.g. its
    /// own <see cref="IDeadLetters"/>) before calling this.</summary>
    /// <param name="allowDemoKey">Only a demo or Development host may sign links with the public demo key.</param>
    public static IServiceCollection AddDispatchApp(this IServiceCollection services, IConfiguration configuration, bool allowDemoKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSigningKey(configuration, allowDemoKey);
        services.AddNoRequestLineLogs();
        services.AddOptions<PublicLinkOptions>().Bind(configuration.GetSection("Dispatch")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrderPolicy>().Configure(_ => { });
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new OrderStore(Account(sp)));
        services.TryAddSingleton(sp => new OrderIndex(Account(sp)));
        services.TryAddSingleton(sp => new MemberInbox(Account(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new MemberStore(Account(sp)));
        services.TryAddSingleton(sp => new OrgDirectory(Account(sp)));
        services.TryAddSingleton(sp => new ServiceRecordStore(Account(sp)));
        services.TryAddSingleton(sp => new IdempotencyStore(Account(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new NoticeStore(Account(sp)));
        services.TryAddSingleton(sp => new RetentionStore(Account(sp)));
        services.TryAddSingleton(sp => new PhotoStore(Account(sp)));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection("Dispatch")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PersonalDataErasure>();
        services.TryAddSingleton(sp => new AssignmentQueue(Account(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new OrderDecider(sp.GetRequiredService<IOptions<OrderPolicy>>().Value));

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ClientRateLimiter>();
        services.TryAddSingleton<Access>();
        services.TryAddSingleton<Links>();
        services.TryAddSingleton<OrderProjector>();
        services.TryAddSingleton<RosterCache>();
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton<PlaceCheck>();
        services.TryAddSingleton(sp => new ReferenceCounter(Account(sp)));
        services.TryAddSingleton<OrderReferences>();
        services.TryAddSingleton<MemberEvents>();
        services.TryAddSingleton<HandDispatch>();
        services.TryAddSingleton<HandCandidates>();
        services.TryAddSingleton(sp => new ContactAccessLog(Account(sp)));
        services.TryAddSingleton(sp => new ClosedOrderIndex(Account(sp)));
        services.TryAddSingleton<Queries.OrderHistory>();
        services.TryAddSingleton<ContactAccess>();
        services.TryAddSingleton<AssignmentDrain>();
        services.TryAddSingleton<TimelineNotes>();
        services.TryAddSingleton<OrderReader>();
        services.TryAddSingleton<OrderUseCases>();
        services.TryAddSingleton<PhotoUseCases>();
        services.TryAddSingleton<MemberQueries>();
        services.TryAddSingleton<OrganizerQueries>();
        services.TryAddSingleton<IDeadLetters, PoisonQueueDeadLetters>();
        services.TryAddSingleton<DeadLetterResubmission>();
        services.TryAddSingleton<INotifier, InboxNotifier>();
        services.AddChannels(configuration, allowDemoKey);
        services.AddReminders();
        services.AddApiJson();

        // The assessment year: the annual freeze both hosts run. Replace PointsRules before this call to
        // change how points are counted.
        services.TryAddSingleton(PointsRules.Default);
        services.TryAddSingleton(sp => new AssessmentStore(Account(sp)));
        services.TryAddSingleton(sp => new AnnualFreezeJob(
            sp.GetRequiredService<OrgDirectory>(),
            sp.GetRequiredService<MemberStore>(),
            sp.GetRequiredService<ServiceRecordStore>(),
            sp.GetRequiredService<AssessmentStore>(),
            sp.GetRequiredService<PointsRules>()));

        // Posts, tallies, reports and proofs: the use cases behind both hosts' routes.
        services.TryAddSingleton(sp => new PostStore(Account(sp)));
        services.TryAddSingleton(sp => new ProofStore(Account(sp)));
        services.TryAddSingleton<ReportData>();
        services.TryAddSingleton<PostUseCases>();
        services.TryAddSingleton<TallyUseCases>();
        services.TryAddSingleton<ReportUseCases>();
        services.TryAddSingleton<ProofUseCases>();

        // The member registry (报到登记): organizers' member management and self-registration.
        services.TryAddSingleton(sp => new RegistrationStore(Account(sp)));
        services.TryAddSingleton<MemberRegistry>();
        services.TryAddSingleton<RegistrationUseCases>();
        services.TryAddSingleton<MemberImportUseCases>();
        services.TryAddSingleton<MemberExportUseCases>();
        services.TryAddSingleton<RegistrationLinkUseCases>();

        // The district administration; the first administrator comes from settings (the hosts start the
        // AdministratorBootstrap once their tables exist).
        services.AddOptions<BootstrapAdministratorOptions>().Bind(configuration.GetSection(BootstrapAdministratorOptions.Section));
        services.TryAddSingleton<AdminUseCases>();
        services.TryAddSingleton<OrgTree.OrgTreeUseCases>();
        services.TryAddSingleton<OrgTree.MemberHouseholds>();

        services.AddSignIn(configuration);
        return services;
    }

    /// <summary>The API's JSON on both hosts, for everything written through Results (Results.Ok…): ASP.NET Core's
    /// web defaults plus <see cref="CoreJson"/>'s converters.</summary>
    private static void AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var converter in CoreJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });

    private static StorageAccount Account(IServiceProvider sp) => sp.GetRequiredService<StorageAccount>();
}
