import WaymarkCore
print("placeholder")
