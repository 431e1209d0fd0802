//! The offline map's geometry: Italy's regions and provinces and Umbria's comuni, carried in the
//! binary and turned once into SVG paths in the map's projection ([`bussola_model::project`]).
//!
//! No tiles and no network: the boundaries are enough to see where a pin lies, and the same
//! projection places the pins, so the UI needs no map library. Coordinates are rounded to 10 m,
//! far below what a screen shows, which keeps the paths small.

use bussola_model::{LatLon, MapLabel, MapLayers, MapShape, ShapeKind, project};
use serde_json::Value;
use std::fmt::Write;
use std::sync::OnceLock;

const REGIONS: &str = include_str!("../../../data/regioni-italia.geojson");
const PROVINCES: &str = include_str!("../../../data/province-italia.geojson");
const UMBRIA_COMUNI: &str = include_str!("../../../data/comuni-umbria.geojson");

/// The map first shown: Umbria, where the bundled feed is.
const HOME: (LatLon, LatLon) = (
    LatLon {
        lat: 42.35,
        lon: 11.85,
    },
    LatLon {
        lat: 43.65,
        lon: 13.3,
    },
);

/// The bundled map, built on first use.
pub fn layers() -> &'static MapLayers {
    static LAYERS: OnceLock<MapLayers> = OnceLock::new();
    LAYERS.get_or_init(|| {
        let mut shapes = Vec::new();
        let mut labels = Vec::new();
        for (kind, text) in [
            (ShapeKind::Region, REGIONS),
            (ShapeKind::Province, PROVINCES),
            (ShapeKind::Comune, UMBRIA_COMUNI),
        ] {
            let collection: Value =
                serde_json::from_str(text).expect("the bundled boundaries are valid GeoJSON");
            for feature in collection["features"].as_array().into_iter().flatten() {
                let path = svg_path(&feature["geometry"]);
                if path.is_empty() {
                    continue;
                }
                let name = feature["properties"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                // A comune's name goes where the gazetteer puts the comune (its town, not
                // the middle of its land, which can be a mountain).
                if kind == ShapeKind::Comune
                    && let Some(comune) = crate::gazetteer::Gazetteer::get().by_name(&name)
                {
                    let (x, y) = project(comune.position);
                    labels.push(MapLabel {
                        name: name.clone(),
                        x,
                        y,
                        area_km2: area_km2(&feature["geometry"]),
                    });
                }
                shapes.push(MapShape { kind, name, path });
            }
        }
        let (x0, y1) = project(HOME.0);
        let (x1, y0) = project(HOME.1);
        MapLayers {
            shapes,
            labels,
            home: [x0, y0, x1 - x0, y1 - y0],
        }
    })
}

/// The polygons of a Polygon or MultiPolygon, each a list of rings (outer first).
fn polygons(geometry: &Value) -> Vec<&Value> {
    match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .into_iter()
            .flatten()
            .collect(),
        _ => Vec::new(),
    }
}

/// The projected area of a Polygon or MultiPolygon's outer rings, in km² (the shoelace formula).
fn area_km2(geometry: &Value) -> f64 {
    let polygons = polygons(geometry);
    let ring_area = |ring: &Value| {
        let points: Vec<(f64, f64)> = ring
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some(project(LatLon {
                    lon: p[0].as_f64()?,
                    lat: p[1].as_f64()?,
                }))
            })
            .collect();
        let twice: f64 = points
            .iter()
            .zip(points.iter().cycle().skip(1))
            .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
            .sum();
        (twice / 2.0).abs()
    };
    polygons.into_iter().map(|p| ring_area(&p[0])).sum()
}

/// A Polygon or MultiPolygon as one SVG path (rings closed, holes kept by the even-odd rule).
fn svg_path(geometry: &Value) -> String {
    let polygons = polygons(geometry);
    let mut path = String::new();
    for ring in polygons.into_iter().filter_map(Value::as_array).flatten() {
        let points = ring.as_array().into_iter().flatten().filter_map(|p| {
            Some(LatLon {
                lon: p[0].as_f64()?,
                lat: p[1].as_f64()?,
            })
        });
        let mut last = None;
        for (i, point) in points.enumerate() {
            let (x, y) = project(point);
            let rounded = ((x * 100.0).round() as i64, (y * 100.0).round() as i64);
            if last == Some(rounded) {
                continue;
            }
            last = Some(rounded);
            let command = if i == 0 { 'M' } else { 'L' };
            let _ = write!(path, "{command}{:.2} {:.2}", x, y);
        }
        if last.is_some() {
            path.push('Z');
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boundary_becomes_a_closed_path() {
        let layers = layers();
        let count = |kind| layers.shapes.iter().filter(|s| s.kind == kind).count();
        assert_eq!(count(ShapeKind::Region), 20);
        assert_eq!(count(ShapeKind::Province), 107);
        assert_eq!(count(ShapeKind::Comune), 92);
        for shape in &layers.shapes {
            assert!(
                shape.path.starts_with('M') && shape.path.ends_with('Z'),
                "{}",
                shape.name
            );
        }
        let perugia = layers
            .shapes
            .iter()
            .find(|s| s.name == "Perugia" && s.kind == ShapeKind::Comune);
        assert!(perugia.is_some());
    }

    #[test]
    fn every_comune_has_its_name_at_its_town_and_a_true_area() {
        let labels = &layers().labels;
        assert_eq!(labels.len(), 92);
        let perugia = labels.iter().find(|l| l.name == "Perugia").unwrap();
        // ISTAT: 449.5 km²; Umbria 8,464 km².
        assert!(
            (perugia.area_km2 - 449.5).abs() < 25.0,
            "{}",
            perugia.area_km2
        );
        let umbria: f64 = labels.iter().map(|l| l.area_km2).sum();
        assert!((umbria - 8464.0).abs() < 300.0, "{umbria}");
    }

    #[test]
    fn home_holds_umbria() {
        let [x, y, w, h] = layers().home;
        let (px, py) = project(LatLon {
            lat: 43.11,
            lon: 12.39,
        });
        assert!(px > x && px < x + w && py > y && py < y + h);
    }
}
