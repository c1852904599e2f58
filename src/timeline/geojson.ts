// Events with located places as an RFC 7946 GeoJSON FeatureCollection, for maps (Leaflet, MapLibre, QGIS).
// One Feature per (event, place with coordinates): an attack launched from one place into another is two points.
import type { DatePrecision, EventType, PlaceKind, PlaceRole } from '../db/generated/prisma/enums.js';
import { formatAtPrecision, isDateRange, isoDay } from '../graph/event-date.js';
import { encodeNodeId } from '../http/global-ids.js';

/** What a feature needs to know about one event and its places. */
export interface GeoEventRecord {
  id: number;
  title: string;
  type: EventType;
  startsOn: Date;
  endsOn: Date;
  precision: DatePrecision;
  approximate: boolean;
  dateText: string | null;
  articleCount: number;
  places: { id: number; role: PlaceRole; place: { id: number; name: string; kind: PlaceKind; latitude: number | null; longitude: number | null } }[];
  _count: { mentions: number };
}

export interface PointGeometry {
  type: 'Point';
  /** [longitude, latitude]: GeoJSON puts longitude first (RFC 7946 §3.1.1). */
  coordinates: [number, number];
}

export interface EventFeatureProperties {
  /** Plain text, not HTML: a map that puts it into innerHTML must escape it. */
  title: string;
  type: EventType;
  /** The start at its precision: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY. */
  start: string;
  /** The end of a range at the same precision; null for a single day, week, month or year. */
  end: string | null;
  /** First and last day the date can mean, for maps that filter by a time slider. */
  earliest: string;
  latest: string;
  precision: DatePrecision;
  approximate: boolean;
  dateText: string | null;
  articleCount: number;
  mentionCount: number;
  place: string;
  placeKind: PlaceKind;
  /** The place's roles in the event, LOCATION first when it is one: ["LOCATION", "TARGET"]. */
  roles: PlaceRole[];
  /** The first of roles, for styling markers by one value. */
  role: PlaceRole;
  eventId: string;
  placeId: string;
}

export interface EventFeature {
  type: 'Feature';
  /** The event's global ID, or "<event ID>@<place ID>" when the event has several located places. */
  id: string;
  geometry: PointGeometry;
  properties: EventFeatureProperties;
}

/** Paging of the event list the features come from (a foreign member, as RFC 7946 §6.1 allows). */
export interface GeoPaging {
  /** Events (not features) per page. */
  limit: number;
  /** Events with a located place that match the filter, across all pages. */
  total: number;
  next: string | null;
  generatedAt: string;
}

export interface EventFeatureCollection {
  type: 'FeatureCollection';
  features: EventFeature[];
  newsline: GeoPaging;
}

const roleOrder: PlaceRole[] = ['LOCATION', 'TARGET', 'ORIGIN', 'DESTINATION', 'OTHER'];

function hasValidCoordinates(place: GeoEventRecord['places'][number]['place']): place is typeof place & { latitude: number; longitude: number } {
  const { latitude, longitude } = place;
  return (
    latitude != null && longitude != null && Number.isFinite(latitude) && Number.isFinite(longitude) &&
    latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180
  );
}

/** The features of one event: one per distinct place with valid coordinates, its roles merged. */
export function eventFeatures(event: GeoEventRecord): EventFeature[] {
  const byPlace = new Map<number, { place: GeoEventRecord['places'][number]['place'] & { latitude: number; longitude: number }; roles: PlaceRole[] }>();
  for (const link of event.places) {
    if (!hasValidCoordinates(link.place)) continue;
    const entry = byPlace.get(link.place.id) ?? { place: link.place, roles: [] };
    if (!entry.roles.includes(link.role)) entry.roles.push(link.role);
    byPlace.set(link.place.id, entry);
  }
  const eventId = encodeNodeId('Event', event.id);
  const range = isDateRange(event.startsOn, event.endsOn, event.precision);
  return [...byPlace.values()].map(({ place, roles }) => {
    roles.sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b));
    const placeId = encodeNodeId('Place', place.id);
    return {
      type: 'Feature',
      id: byPlace.size === 1 ? eventId : `${eventId}@${placeId}`,
      geometry: { type: 'Point', coordinates: [place.longitude, place.latitude] },
      properties: {
        title: event.title,
        type: event.type,
        start: formatAtPrecision(event.startsOn, event.precision),
        end: range ? formatAtPrecision(event.endsOn, event.precision) : null,
        earliest: isoDay(event.startsOn),
        latest: isoDay(event.endsOn),
        precision: event.precision,
        approximate: event.approximate,
        dateText: event.dateText,
        articleCount: event.articleCount,
        mentionCount: event._count.mentions,
        place: place.name,
        placeKind: place.kind,
        roles,
        role: roles[0]!,
        eventId,
        placeId,
      },
    };
  });
}

export function eventFeatureCollection(events: GeoEventRecord[], paging: GeoPaging): EventFeatureCollection {
  return { type: 'FeatureCollection', features: events.flatMap(eventFeatures), newsline: paging };
}
