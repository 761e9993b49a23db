using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Functions.Orders;

namespace Dispatch.Functions.Tests;

/// <summary>Deploy safety of the typed Durable boundary: histories of orders in flight hold payloads of the
/// former shape, a JSON string holding the core's JSON, and the new converter reads them back.</summary>
public sealed class DurableJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static readonly OrderRequest Request =
        new(OrderKind.Service, ServiceCategory.Repair, new Location("c1", "g1", "b1"), false, null);

    private static readonly MatchReason Reason = new(Closeness.SameGrid, 1, 4, 0, 1, 3);

    /// <summary>What the former hand-written payloads put into history (Payload.Write, then the string itself).</summary>
    private static string OldShape<T>(T value) => JsonSerializer.Serialize(JsonSerializer.Serialize(value, CoreJson.Options));

    [Fact]
    public void Old_string_payloads_still_read_as_the_typed_records()
    {
        var run = new OrderRun("o1", Request, At, OrderPolicy.Default, Timers: [new ScheduleTimer("o1", TimerKind.OfferDeadline, 1, At.AddHours(2))]);
        var read = DurableJson.Converter.Deserialize<OrderRun>(OldShape(run))!;
        Assert.Equal((run.OrderId, run.Request, run.PlacedAt, run.Policy), (read.OrderId, read.Request, read.PlacedAt, read.Policy));
        Assert.Equal(run.Timers, read.Timers);

        var answer = DurableJson.Converter.Deserialize<OrderEvent>(OldShape<OrderEvent>(new CandidateFound("m1", Reason)));
        Assert.Equal(new CandidateFound("m1", Reason), answer);

        var envelope = DurableJson.Converter.Deserialize<OrderEnvelope>(OldShape(new OrderEnvelope("e1", new OfferAccepted("m1"))));
        Assert.Equal(new OrderEnvelope("e1", new OfferAccepted("m1")), envelope);

        var offer = new SendOffer("o1", "m1", 1, At.AddHours(2), Reason);
        Assert.Equal(offer, DurableJson.Converter.Deserialize<SendOffer>(OldShape<OrderEffect>(offer)));

        var result = DurableJson.Converter.Deserialize<DecideResult>(OldShape(new DecideResult(null, [], new Rejection(RejectionCode.StaleTimer, "late"), [])))!;
        Assert.Equal(RejectionCode.StaleTimer, result.Rejection!.Code);
    }

    [Fact]
    public void Events_and_effects_keep_their_type_when_written_by_their_runtime_type()
    {
        OrderEffect notify = new Notify("o1", Recipient.Resident, NoticeKind.OrderReceived, null, "0");
        var written = DurableJson.Converter.Serialize(notify)!;
        Assert.Equal(notify, DurableJson.Converter.Deserialize<OrderEffect>(written));
        Assert.Equal(new NoCandidateLeft(), DurableJson.Converter.Deserialize<OrderEvent>(DurableJson.Converter.Serialize(new NoCandidateLeft())));
    }
}
