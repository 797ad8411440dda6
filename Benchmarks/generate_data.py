#!/usr/bin/env python3
"""Generates larger data sets in the sample-data format by repeating the sample's own content,
so benchmarks can show how the cost grows. Never meant as content: every copy is marked "#k".

Usage: Benchmarks/generate_data.py --out /tmp/htno-x100 --cases 100 --meetings 100 --items 100 [--examples 100]
The numbers multiply the sample's cases, activities per month, goal items per column and 2018 examples.
Writes JSON, which is valid YAML, so the loader reads it as it reads sample-data/.
"""
import argparse, copy, json, os, shutil
import yaml

def load(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        return yaml.safe_load(handle)

def write(directory, name, data):
    with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)

def repeat_items(items, times):
    result = []
    for k in range(times):
        for item in items:
            copy_ = copy.deepcopy(item)
            if k:
                copy_["id"] = f"{item['id']}-{k}"
                copy_["text"] = f"{item['text']} #{k}"
            result.append(copy_)
    return result

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default="sample-data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--cases", type=int, default=1)
    parser.add_argument("--meetings", type=int, default=1)
    parser.add_argument("--items", type=int, default=1)
    parser.add_argument("--examples", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    goals = load(args.source, "pilot-goals.yaml")
    for goal in goals["goals"]:
        for column in ("indicatoren", "bewijs", "resultaten"):
            goal[column] = repeat_items(goal[column], args.items)
        goal["winstRisico"]["items"] = repeat_items(goal["winstRisico"]["items"], args.items)
    write(args.out, "pilot-goals.yaml", goals)
    shutil.copy(os.path.join(args.source, "long-term-themes.yaml"), args.out)
    shutil.copy(os.path.join(args.source, "figures.yaml"), args.out)
    shutil.copy(os.path.join(args.source, "jaarverslag-2023-hoofdstukken.yaml"), args.out)
    for name in ("kiezen-voor-technologie-2020.yaml", "ptvt-jaarverslag-2021.yaml", "techniekpact-voortgang-2018.yaml", "seo-evaluatie-2020.yaml"):
        shutil.copy(os.path.join(args.source, name), args.out)
    cycle = load(args.source, "conversation-cycle-2023.yaml")
    for month in cycle["months"]:
        month["activities"] = [dict(activity, id=f"{activity['id']}-{k}" if k else activity["id"],
                                    activity=f"{activity['activity']} #{k}" if k else activity["activity"])
                               for k in range(args.meetings) for activity in month["activities"]]
    write(args.out, "conversation-cycle-2023.yaml", cycle)
    regions = load(args.source, "regions.yaml")
    for box in regions["boxes"]:
        for cell in box["cells"]:
            if cell.get("cases"):
                cell["cases"] = [name if k == 0 else f"{name} #{k}" for k in range(args.cases) for name in cell["cases"]]
    write(args.out, "regions.yaml", regions)
    examples = load(args.source, "regional-examples-2018.yaml")
    examples["examples"] = [dict(example, id=f"{example['id']}-{k}" if k else example["id"],
                                 name=f"{example['name']} #{k}" if k else example["name"])
                            for k in range(args.examples) for example in examples["examples"]]
    write(args.out, "regional-examples-2018.yaml", examples)
    shutil.copytree(os.path.join(args.source, "decks"), os.path.join(args.out, "decks"), dirs_exist_ok=True)
    counts = {
        "cases": sum(len(c.get("cases", [])) for b in regions["boxes"] for c in b["cells"]),
        "activities": sum(len(m["activities"]) for m in cycle["months"]),
        "goal items": sum(len(g[c]) for g in goals["goals"] for c in ("indicatoren", "bewijs", "resultaten")),
        "examples": len(examples["examples"]),
        "bytes": sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out) if f.endswith(".yaml")),
    }
    print(json.dumps({"out": args.out, **counts}))

if __name__ == "__main__":
    main()
