using System.Collections.Immutable;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Storage.Tests;

/// <summary>Realistic order states, made by the core's decider.</summary>
internal static class Sample
{
    /// <summary>UTC, as table columns return instants (Edm.DateTime); the offset is not kept.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 5, 6, 1, 30, 0, TimeSpan.Zero);
    public static readonly OrderDecider Decider = new(OrderPolicy.Default);
    public static readonly ResidentDetails Resident = new("王秀英", "13812345678", "梁溪区清名桥社区 3 幢 201 室", "家里水龙头漏水，请帮忙修理");

    public static string NewId() => "o" + Guid.NewGuid().ToString("N")[..12];

    public static OrderRequest Request(string communityId = "c1", OrderKind kind = OrderKind.Service) =>
        new(kind, ServiceCategory.Repair, new Location(communityId, "g1", "b3"), Urgent: false, WantedAt: T0.AddDays(1));

    public static MatchReason Reason { get; } = new(Closeness.SameGrid, 1, 4, 0, 1, 3);

    /// <summary>Folds events from nothing; returns every accepted step.</summary>
    public static List<(OrderEvent Event, Decision.Changed Decision, DateTimeOffset At)> Run(params OrderEvent[] events) => Run(Decider, events);

    /// <summary>The same with another policy's decider.</summary>
    public static List<(OrderEvent Event, Decision.Changed Decision, DateTimeOffset At)> Run(OrderDecider decider, params OrderEvent[] events)
    {
        var steps = new List<(OrderEvent, Decision.Changed, DateTimeOffset)>();
        OrderState? state = null;
        var at = T0;
        foreach (var e in events)
        {
            var d = Assert.IsType<Decision.Changed>(decider.Decide(state, e, at));
            steps.Add((e, d, at));
            state = d.State;
            at = at.AddMinutes(10);
        }

        return steps;
    }

    public static string Json(object? value) => JsonSerializer.Serialize(value, CoreJson.Options);

    public static string JsonOfEffects(ImmutableArray<OrderEffect> effects) =>
        JsonSerializer.Serialize<OrderEffect[]>([.. effects], CoreJson.Options);
}
